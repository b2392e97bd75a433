using GraphQLEngine.Language;
using GraphQLEngine.Type;
using GraphQLEngine.Utilities;

namespace GraphQLEngine.Tests.Utilities;

// Follows graphql-js 16's src/utilities/__tests__/typeComparators-test.ts.
public class TypeComparatorsTests
{
    [Fact]
    public void Equal_types()
    {
        Assert.True(TypeComparators.IsEqualType(Scalars.String, Scalars.String));
        Assert.False(TypeComparators.IsEqualType(Scalars.Int, Scalars.String));
        Assert.True(TypeComparators.IsEqualType(new GraphQLList(Scalars.Int), new GraphQLList(Scalars.Int)));
        Assert.False(TypeComparators.IsEqualType(new GraphQLList(Scalars.Int), Scalars.Int));
        Assert.True(TypeComparators.IsEqualType(new GraphQLNonNull(Scalars.Int), new GraphQLNonNull(Scalars.Int)));
        Assert.False(TypeComparators.IsEqualType(new GraphQLNonNull(Scalars.Int), Scalars.Int));
    }

    private static GraphQLSchema SchemaWith(GraphQLObjectType query, params GraphQLNamedType[] types) => new(query, types: types);

    [Fact]
    public void Sub_types()
    {
        var schema = SchemaWith(new GraphQLObjectType("Query", [new FieldDefinition("field", Scalars.String)]));
        Assert.True(TypeComparators.IsTypeSubTypeOf(schema, Scalars.String, Scalars.String));
        Assert.False(TypeComparators.IsTypeSubTypeOf(schema, Scalars.Int, Scalars.String));
        Assert.True(TypeComparators.IsTypeSubTypeOf(schema, new GraphQLNonNull(Scalars.Int), Scalars.Int));
        Assert.False(TypeComparators.IsTypeSubTypeOf(schema, Scalars.Int, new GraphQLNonNull(Scalars.Int)));
        Assert.True(TypeComparators.IsTypeSubTypeOf(schema, new GraphQLList(Scalars.Int), new GraphQLList(Scalars.Int)));
        Assert.False(TypeComparators.IsTypeSubTypeOf(schema, Scalars.Int, new GraphQLList(Scalars.Int)));
        Assert.False(TypeComparators.IsTypeSubTypeOf(schema, new GraphQLList(Scalars.Int), Scalars.Int));
    }

    [Fact]
    public void Member_and_implementation_sub_types_and_overlap()
    {
        var iface = new GraphQLInterfaceType("Interface", [new FieldDefinition("field", Scalars.String)]);
        var impl = new GraphQLObjectType("Implementation", [new FieldDefinition("field", Scalars.String)], [iface]);
        var other = new GraphQLObjectType("Other", [new FieldDefinition("field", Scalars.String)]);
        var union = new GraphQLUnionType("Union", [impl]);
        var otherUnion = new GraphQLUnionType("OtherUnion", [other]);
        var query = new GraphQLObjectType("Query",
            [new FieldDefinition("i", iface), new FieldDefinition("u", union), new FieldDefinition("o", otherUnion)]);
        var schema = SchemaWith(query, impl);

        Assert.True(TypeComparators.IsTypeSubTypeOf(schema, impl, iface));
        Assert.True(TypeComparators.IsTypeSubTypeOf(schema, impl, union));
        Assert.False(TypeComparators.IsTypeSubTypeOf(schema, other, iface));
        Assert.True(TypeComparators.IsTypeSubTypeOf(schema, new GraphQLNonNull(impl), iface));

        Assert.True(TypeComparators.DoTypesOverlap(schema, iface, union));
        Assert.True(TypeComparators.DoTypesOverlap(schema, impl, iface));
        Assert.True(TypeComparators.DoTypesOverlap(schema, union, impl));
        Assert.False(TypeComparators.DoTypesOverlap(schema, otherUnion, iface));
        Assert.False(TypeComparators.DoTypesOverlap(schema, impl, other));
        Assert.True(TypeComparators.DoTypesOverlap(schema, other, other));
    }

    [Fact]
    public void Type_references_resolve_against_the_schema()
    {
        var schema = SampleSchema.Create();
        Assert.Equal("[Project!]!", TypeFromAst.Convert(schema, Parser.ParseType("[Project!]!"))?.ToString());
        Assert.Same(schema.GetType("Node"), TypeFromAst.Convert(schema, Parser.ParseType("Node")));
        Assert.Null(TypeFromAst.Convert(schema, Parser.ParseType("[Unknown]")));
    }
}
