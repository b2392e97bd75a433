using DepinApi.GraphQL;
using DepinApi.GraphQL.Cost;
using GraphQLEngine.Limits;
using GraphQLEngine.Type;

namespace DepinApi.Tests.GraphQL.Cost;

/// <summary>No list of objects is charged a guessed size: each is a connection's page, bounded by the data, or fixed by the schema.</summary>
public class FieldCostsTests
{
    [Fact]
    public void Every_list_of_objects_is_paged_bounded_or_of_a_declared_fixed_size()
    {
        var schema = DepinSchema.Create(new FieldCosts());
        var unaccounted = new List<string>();
        foreach (var type in schema.TypeMap.Values.OfType<GraphQLObjectType>().Where(t => !t.Name.StartsWith("__", StringComparison.Ordinal)))
        {
            foreach (var field in type.GetFields().Values)
            {
                if (field.Type.GetNullableType() is not GraphQLList || field.Type.GetNamedType() is not ICompositeType) continue;
                var insideConnection = type.Name.EndsWith("Connection", StringComparison.Ordinal) && field.Name is "edges" or "nodes";
                var accounted = insideConnection
                                || field.Metadata.ContainsKey(CostMetadata.ListSizeBound)
                                || field.Metadata.ContainsKey(CostMetadata.ListSize);
                if (!accounted) unaccounted.Add($"{type.Name}.{field.Name}");
            }
        }

        Assert.Empty(unaccounted);
    }

    [Fact]
    public void Until_the_bounds_are_read_a_bounded_list_falls_back_to_its_declared_size()
    {
        var schema = DepinSchema.Create(new FieldCosts());
        var revenue = ((GraphQLObjectType)schema.GetType("Project")!).GetFields()["revenue"];

        var bound = (ListSizeBound)revenue.Metadata[CostMetadata.ListSizeBound]!;

        Assert.Null(bound(new Dictionary<string, object?>()));
        Assert.Equal(8, revenue.Metadata[CostMetadata.ListSize]);
    }
}
