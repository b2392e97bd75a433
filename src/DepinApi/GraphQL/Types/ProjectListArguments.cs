using DepinApi.GraphQL.Enums;
using GraphQLEngine.Type;

namespace DepinApi.GraphQL.Types;

/// <summary>The input types of <c>Query.projects</c>.</summary>
internal static class ProjectListArguments
{
    public static GraphQLInputObjectType Filter() => new InputObjectTypeBuilder("ProjectFilter")
        .Description("Narrows a list of projects; every given condition must hold.")
        .Field("sector", DepinEnums.Sector, "Only projects of this sector.")
        .Field("search", Scalars.String, "Only projects whose name, slug or token symbol contains this text (any case, trimmed; blank text filters nothing, as REST's q).")
        .Field("slugs", new GraphQLList(new GraphQLNonNull(Scalars.String)), "Only these projects.")
        .Build();

    public static GraphQLInputObjectType Order() => new InputObjectTypeBuilder("ProjectOrder")
        .Description("The order of a list of projects; the slug breaks ties.")
        .Field("field", new GraphQLNonNull(DepinEnums.ProjectOrderField), "What to sort by.", ReadModel.ProjectSort.Slug)
        .Field("direction", new GraphQLNonNull(DepinEnums.OrderDirection), "Ascending or descending.", false)
        .Build();
}
