using DepinApi.GraphQL.Enums;
using DepinApi.GraphQL.ScalarTypes;
using DepinApi.ReadModel;
using GraphQLEngine.Type;

namespace DepinApi.GraphQL.Types;

internal static class SourceType
{
    public static GraphQLObjectType Create() => new ObjectTypeBuilder<Source>("Source")
        .Description("A publication figures are taken from.")
        .Field("id", new GraphQLNonNull(Scalars.ID), f => f.Description("The source's permanent id.").Resolve(s => s.Id))
        .Field("publisher", new GraphQLNonNull(Scalars.String), f => f.Description("Who published it.").Resolve(s => s.Publisher))
        .Field("title", new GraphQLNonNull(Scalars.String), f => f.Description("Its title.").Resolve(s => s.Title))
        .Field("publishedOn", DateScalar.Type, f => f
            .Description("The day it was published; null when the source gives no exact day (see publishedLabel).")
            .Resolve(s => s.PublishedOn))
        .Field("publishedLabel", new GraphQLNonNull(Scalars.String), f => f
            .Description("The publication date as the source states it, e.g. \"early 2026\".")
            .Resolve(s => s.PublishedLabel))
        .Field("kind", new GraphQLNonNull(DepinEnums.SourceKind), f => f.Description("What kind of publication it is.").Resolve(s => s.Kind))
        .Field("url", Scalars.String, f => f.Description("Where it can be read, when the source gives an address.").Resolve(s => s.Url))
        .Build();
}
