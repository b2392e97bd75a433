using GraphQLEngine.Type;

namespace GraphQLEngine.Conformance.Schema;

public sealed partial class ConformanceSchema
{
    private sealed record InputTypes(GraphQLInputObjectType ComplexInput, GraphQLInputObjectType OneOfInput, GraphQLInputObjectType EchoInput);

    private static InputTypes CreateInputs(GraphQLScalarType date, GraphQLEnumType furColor)
    {
        var complexInput = new InputObjectTypeBuilder("ComplexInput")
            .Field("requiredField", NonNull(Scalars.Boolean))
            .Field("nonNullField", NonNull(Scalars.Boolean), defaultValue: false)
            .Field("intField", Scalars.Int)
            .Field("stringField", Scalars.String)
            .Field("booleanField", Scalars.Boolean)
            .Field("stringListField", List(Scalars.String))
            .Build();

        var oneOfInput = new InputObjectTypeBuilder("OneOfInput")
            .OneOf()
            .Field("stringField", Scalars.String)
            .Field("intField", Scalars.Int)
            .Build();

        GraphQLInputObjectType echoInput = null!;
        echoInput = new InputObjectTypeBuilder("EchoInput")
            .Description("Input echoed back by `QueryRoot.echo`.\n\nNested and recursive on purpose.")
            .Field("text", Scalars.String, description: "Free text.", defaultValue: "hello")
            .Field("count", NonNull(Scalars.Int))
            .Field("color", furColor, defaultValue: "BROWN")
            .Field("when", date)
            .Field("nested", () => echoInput)
            .Field("list", () => List(NonNull(echoInput)))
            .Field("matrix", List(List(Scalars.Float)))
            .Field("legacy", Scalars.String, deprecationReason: "Unused.")
            .Build();

        return new InputTypes(complexInput, oneOfInput, echoInput);
    }
}
