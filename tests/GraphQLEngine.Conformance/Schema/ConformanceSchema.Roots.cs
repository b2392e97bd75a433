using GraphQLEngine.Type;

namespace GraphQLEngine.Conformance.Schema;

public sealed partial class ConformanceSchema
{
    private sealed record RootTypes(GraphQLObjectType Query, GraphQLObjectType Mutation, GraphQLObjectType Message, GraphQLObjectType Subscription);

    private RootTypes CreateRoots(GraphQLScalarType date, AnimalTypes animals, InputTypes inputs,
        GraphQLObjectType complicatedArgs, GraphQLObjectType tricky, GraphQLObjectType raw)
    {
        var query = new ObjectTypeBuilder<object>("QueryRoot");
        Data(query, "human", () => animals.Human, f => f.Argument("id", Scalars.ID));
        Data(query, "dog", () => animals.Dog);
        Data(query, "cat", () => animals.Cat);
        Data(query, "pet", () => animals.Pet);
        Data(query, "catOrDog", () => animals.CatOrDog);
        Data(query, "dogOrHuman", () => animals.DogOrHuman);
        Data(query, "humanOrAlien", () => animals.HumanOrAlien);
        Data(query, "complicatedArgs", () => complicatedArgs);
        Data(query, "dummy", () => Scalars.String);
        Data(query, "being", () => animals.Being, f => f.Argument("id", NonNull(Scalars.ID)));
        Data(query, "beings", () => NonNull(List(NonNull(animals.Being))));
        Data(query, "pets", () => List(animals.Pet), f => f.Argument("first", Scalars.Int, defaultValue: 10));
        Data(query, "tricky", () => tricky);
        Data(query, "trickyNonNull", () => NonNull(tricky));
        Data(query, "echo", () => Scalars.String, f => f
            .Argument("input", inputs.EchoInput)
            .Argument("inputs", List(inputs.EchoInput))
            .Argument("color", animals.FurColor)
            .Argument("date", date)
            .Argument("ids", List(NonNull(Scalars.ID)))
            .Argument("flag", NonNull(Scalars.Boolean), defaultValue: false)
            .Argument("float", Scalars.Float)
            .Argument("oneOf", inputs.OneOfInput));
        Data(query, "date", () => date, f => f.Argument("value", NonNull(date)));
        Data(query, "color", () => animals.FurColor, f => f.Argument("value", animals.FurColor));
        Data(query, "raw", () => raw, f => f.Argument("id", NonNull(Scalars.ID)));

        var mutation = new ObjectTypeBuilder<object>("MutationRoot");
        Data(mutation, "setName", () => Scalars.String, f => f.Argument("name", NonNull(Scalars.String)));
        Data(mutation, "addDog", () => Scalars.String, f => f.Argument("input", NonNull(inputs.ComplexInput)));
        Data(mutation, "failing", () => Scalars.String);
        Data(mutation, "tricky", () => tricky);

        var message = new ObjectTypeBuilder<object>("Message");
        Data(message, "body", () => Scalars.String);
        Data(message, "sender", () => Scalars.String);
        var messageType = message.Build();

        var subscription = new ObjectTypeBuilder<object>("SubscriptionRoot");
        foreach (var name in new[] { "importantEmails", "notImportantEmails", "moreImportantEmails", "spamEmails", "deletedEmails" })
        {
            Data(subscription, name, () => List(Scalars.String));
        }
        Data(subscription, "newMessage", () => messageType);

        return new RootTypes(query.Build(), mutation.Build(), messageType, subscription.Build());
    }
}
