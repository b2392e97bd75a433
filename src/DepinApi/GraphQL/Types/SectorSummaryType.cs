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

    /// <summary>
    /// The sectors of <paramref name="projects"/>, each with its projects, in the order they are read
    /// (<see cref="ReadSession.ProjectsBySectorAsync"/>, the order compiled GraphQL lists them in too).
    /// </summary>
    public static List<SectorSummary> Group(IEnumerable<Project> projects) => projects
        .GroupBy(p => p.Sector)
        .Select(g => new SectorSummary(g.Key, g.ToList()))
        .ToList();
}

/// <summary>The values behind <c>SectorSummary</c>.</summary>
public sealed record SectorSummary(string Sector, IReadOnlyList<Project> Projects);
