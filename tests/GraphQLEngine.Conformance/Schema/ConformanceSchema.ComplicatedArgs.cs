using GraphQLEngine.Type;

namespace GraphQLEngine.Conformance.Schema;

public sealed partial class ConformanceSchema
{
    // Every field echoes its coerced arguments, so argument coercion is visible in responses.
    private GraphQLObjectType CreateComplicatedArgs(GraphQLEnumType furColor, InputTypes inputs)
    {
        var builder = new ObjectTypeBuilder<object>("ComplicatedArgs");
        void Echo(string name, Action<FieldBuilder<object>> arguments) => Data(builder, name, () => Scalars.String, arguments);

        Echo("intArgField", f => f.Argument("intArg", Scalars.Int));
        Echo("nonNullIntArgField", f => f.Argument("nonNullIntArg", NonNull(Scalars.Int)));
        Echo("stringArgField", f => f.Argument("stringArg", Scalars.String));
        Echo("booleanArgField", f => f.Argument("booleanArg", Scalars.Boolean));
        Echo("enumArgField", f => f.Argument("enumArg", furColor));
        Echo("floatArgField", f => f.Argument("floatArg", Scalars.Float));
        Echo("idArgField", f => f.Argument("idArg", Scalars.ID));
        Echo("stringListArgField", f => f.Argument("stringListArg", List(Scalars.String)));
        Echo("stringListNonNullArgField", f => f.Argument("stringListNonNullArg", List(NonNull(Scalars.String))));
        Echo("complexArgField", f => f.Argument("complexArg", inputs.ComplexInput));
        Echo("oneOfArgField", f => f.Argument("oneOfArg", inputs.OneOfInput));
        Echo("multipleReqs", f => f.Argument("req1", NonNull(Scalars.Int)).Argument("req2", NonNull(Scalars.Int)));
        Echo("nonNullFieldWithDefault", f => f.Argument("arg", NonNull(Scalars.Int), defaultValue: 0));
        Echo("multipleOpts", f => f.Argument("opt1", Scalars.Int, defaultValue: 0).Argument("opt2", Scalars.Int, defaultValue: 0));
        Echo("multipleOptAndReq", f => f
            .Argument("req1", NonNull(Scalars.Int))
            .Argument("req2", NonNull(Scalars.Int))
            .Argument("opt1", Scalars.Int, defaultValue: 0)
            .Argument("opt2", Scalars.Int, defaultValue: 0));
        Echo("deprecatedArgField", f => f
            .Argument("current", Scalars.Int)
            .Argument("legacy", Scalars.Int, deprecationReason: "Use `current`."));
        return builder.Build();
    }
}
