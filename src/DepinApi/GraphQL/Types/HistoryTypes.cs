using DepinApi.Database;
using DepinApi.GraphQL.Enums;
using DepinApi.GraphQL.ScalarTypes;
using DepinApi.ReadModel;
using GraphQLEngine.Type;

namespace DepinApi.GraphQL.Types;

/// <summary>The data's versions: what a response was read from, and what each import changed.</summary>
internal static class HistoryTypes
{
    public static GraphQLObjectType Meta() => new ObjectTypeBuilder<DataVersionInfo>("Meta")
        .Description("The data version a response was read from.")
        .Field("dataVersion", new GraphQLNonNull(Scalars.Int), f => f
            .Description("The data version's number; pass it as asOf to read the same data again later.")
            .Resolve(v => v.Id))
        .Field("importedAt", new GraphQLNonNull(DateTimeScalar.Type), f => f.Description("When that version was imported.").Resolve(v => v.ImportedAt))
        .Build();

    public static GraphQLObjectType DataChange() => new ObjectTypeBuilder<DataChange>("DataChange")
        .Description("A row a data version added, changed or removed.")
        .Field("version", new GraphQLNonNull(Scalars.Int), f => f.Description("The data version that made the change.").Resolve(c => c.Version))
        .Field("importedAt", new GraphQLNonNull(DateTimeScalar.Type), f => f.Description("When that version was imported.").Resolve(c => c.ImportedAt))
        .Field("table", new GraphQLNonNull(Scalars.String), f => f.Description("The kind of row, named after its seed file, e.g. revenue.").Resolve(c => c.Table))
        .Field("id", new GraphQLNonNull(Scalars.ID), f => f.Description("The row's id (a figure id, project slug or source id).").Resolve(c => c.Id))
        .Field("kind", new GraphQLNonNull(DepinEnums.ChangeKind), f => f.Description("What the version did to the row.").Resolve(c => c.Kind))
        .Build();
}
