using GraphQLEngine.Type;

namespace GraphQLEngine.Tests.Validation.Harness;

public sealed class ValidationHarnessTests
{
    [Fact]
    public void Test_schema_is_valid_and_has_the_harness_types()
    {
        var schema = ValidationHarness.TestSchema;
        Assert.Empty(schema.Validate());
        Assert.Equal("QueryRoot", schema.QueryType?.Name);
        var dog = Assert.IsType<GraphQLObjectType>(schema.GetType("Dog"));
        Assert.Equal(["Pet", "Mammal", "Canine"], dog.GetInterfaces().Select(i => i.Name));
        Assert.Equal(true, dog.GetField("isHouseTrained")!.GetArgument("atOtherHomes")!.DefaultValue);
        Assert.True(Assert.IsType<GraphQLInputObjectType>(schema.GetType("OneOfInput")).IsOneOf);
        Assert.NotNull(schema.GetDirective("onField"));
        Assert.NotNull(schema.GetDirective("include"));
    }
}
