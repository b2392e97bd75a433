using GraphQLEngine.Type;

namespace GraphQLEngine.Conformance.Schema;

public sealed partial class ConformanceSchema
{
    // Fields whose data is wrong on purpose: nulls under non-null types, values a scalar cannot
    // serialize, throwing resolvers and an object of a type the interface does not admit.
    private GraphQLObjectType CreateTricky(GraphQLScalarType date, AnimalTypes animals)
    {
        GraphQLObjectType tricky = null!;
        var builder = new ObjectTypeBuilder<object>("Tricky")
            .Description("Fields that misbehave on purpose, to exercise errors and null propagation.");
        Data(builder, "ok", () => Scalars.String);
        Data(builder, "nonNullNull", () => NonNull(Scalars.String));
        Data(builder, "throws", () => Scalars.String);
        Data(builder, "nonNullThrows", () => NonNull(Scalars.String));
        Data(builder, "listWithNullItem", () => List(Scalars.Int));
        Data(builder, "nonNullItemsWithNull", () => List(NonNull(Scalars.Int)));
        Data(builder, "nonNullListNonNullItemsWithNull", () => NonNull(List(NonNull(Scalars.Int))));
        Data(builder, "nestedLists", () => List(List(NonNull(Scalars.Int))));
        Data(builder, "badInt", () => Scalars.Int);
        Data(builder, "bigInt", () => Scalars.Int);
        Data(builder, "badFloat", () => Scalars.Float);
        Data(builder, "badEnum", () => animals.FurColor);
        Data(builder, "badDate", () => date);
        Data(builder, "stringFromNumber", () => Scalars.String);
        Data(builder, "idFromNumber", () => Scalars.ID);
        Data(builder, "boolFromString", () => Scalars.Boolean);
        Data(builder, "child", () => tricky);
        Data(builder, "nonNullChild", () => NonNull(tricky));
        Data(builder, "children", () => List(NonNull(tricky)));
        Data(builder, "wrongTypePet", () => animals.Pet);
        tricky = builder.Build();
        return tricky;
    }
}
