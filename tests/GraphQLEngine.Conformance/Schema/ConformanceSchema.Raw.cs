using GraphQLEngine.Type;

namespace GraphQLEngine.Conformance.Schema;

public sealed partial class ConformanceSchema
{
    // Every field reads a property of a data object of any shape, so completion of odd values
    // (strings for Ints, non-lists for lists, unknown __typename, …) needs only data, no schema change.
    private GraphQLObjectType CreateRaw(GraphQLScalarType date, AnimalTypes animals)
    {
        GraphQLObjectType raw = null!;
        var builder = new ObjectTypeBuilder<object>("Raw")
            .Description("Fields over raw data values of any shape, to exercise how results are completed.");
        Data(builder, "int", () => Scalars.Int);
        Data(builder, "float", () => Scalars.Float);
        Data(builder, "string", () => Scalars.String);
        Data(builder, "boolean", () => Scalars.Boolean);
        Data(builder, "id", () => Scalars.ID);
        Data(builder, "color", () => animals.FurColor);
        Data(builder, "date", () => date);
        Data(builder, "ints", () => List(Scalars.Int));
        Data(builder, "nonNullInts", () => List(NonNull(Scalars.Int)));
        Data(builder, "matrix", () => List(List(Scalars.Int)));
        Data(builder, "nonNullString", () => NonNull(Scalars.String));
        Data(builder, "dog", () => animals.Dog);
        Data(builder, "pet", () => animals.Pet);
        Data(builder, "catOrDog", () => animals.CatOrDog);
        Data(builder, "pets", () => List(animals.Pet));
        Data(builder, "raw", () => raw);
        raw = builder.Build();
        return raw;
    }
}
