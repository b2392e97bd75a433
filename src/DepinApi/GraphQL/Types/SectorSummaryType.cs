using DepinApi.GraphQL.Enums;
using DepinApi.ReadModel;
using GraphQLEngine.Type;

namespace DepinApi.GraphQL.Types;

/// <summary>A sector and its projects.</summary>
internal static class SectorSummaryType
{
    public static GraphQLObjectType Create(GraphQLObjectType project, Action<ObjectTypeBuilder<SectorSummary>>? extend = null)
    {
        var builder = new ObjectTypeBuilder<SectorSummary>("SectorSummary")
            .Description("A sector and the projects in it.")
            .Field("sector", new GraphQLNonNull(DepinEnums.Sector), f => f.Description("The sector.").Resolve(s => s.Sector))
            .Field("projectCount", new GraphQLNonNull(Scalars.Int), f => f.Description("How many projects it has.").Resolve(s => s.Projects.Count))
            .Field("projects", ProjectType.NonNullList(project), f => f.Description("Its projects, by slug.").Resolve(s => s.Projects));
        extend?.Invoke(builder);
        return builder.Build();
    }

    public static List<SectorSummary> Group(IEnumerable<Project> projects) => projects
        .GroupBy(p => p.Sector)
        .OrderBy(g => g.Key, StringComparer.Ordinal)
        .Select(g => new SectorSummary(g.Key, g.OrderBy(p => p.Slug, StringComparer.Ordinal).ToList()))
        .ToList();
}

/// <summary>The values behind <c>SectorSummary</c>.</summary>
public sealed record SectorSummary(string Sector, IReadOnlyList<Project> Projects);
