using GraphQLEngine.Type;

namespace GraphQLEngine.Conformance.Schema;

public sealed partial class ConformanceSchema
{
    private sealed record AnimalTypes(
        GraphQLInterfaceType Being,
        GraphQLInterfaceType Mammal,
        GraphQLInterfaceType Pet,
        GraphQLInterfaceType Canine,
        GraphQLInterfaceType Intelligent,
        GraphQLEnumType DogCommand,
        GraphQLObjectType Dog,
        GraphQLObjectType Cat,
        GraphQLUnionType CatOrDog,
        GraphQLObjectType Human,
        GraphQLObjectType Alien,
        GraphQLUnionType DogOrHuman,
        GraphQLUnionType HumanOrAlien,
        GraphQLEnumType FurColor);

    // The type shapes of graphql-js's validation test harness (Being, Pet, Canine, Dog, Cat, Human, Alien, …).
    private AnimalTypes CreateAnimals(GraphQLScalarType date)
    {
        GraphQLObjectType dog = null!, cat = null!, human = null!, alien = null!;
        GraphQLInterfaceType mammal = null!, pet = null!, canine = null!, being = null!, intelligent = null!;

        void Name(FieldBuilder<object> field) => field.Argument("surname", Scalars.Boolean);

        being = Data(new InterfaceTypeBuilder<object>("Being").Description("Anything that has a name.")
                .ResolveType(DataResolvers.ResolveType), "name", () => Scalars.String, Name)
            .Build();
        mammal = Data(Data(new InterfaceTypeBuilder<object>("Mammal").ResolveType(DataResolvers.ResolveType),
                "mother", () => mammal), "father", () => mammal)
            .Build();
        pet = Data(new InterfaceTypeBuilder<object>("Pet").Implements(() => being).ResolveType(DataResolvers.ResolveType),
                "name", () => Scalars.String, Name)
            .Build();
        var canineBuilder = new InterfaceTypeBuilder<object>("Canine").Implements(() => mammal).ResolveType(DataResolvers.ResolveType);
        Data(canineBuilder, "name", () => Scalars.String, Name);
        Data(canineBuilder, "mother", () => canine);
        Data(canineBuilder, "father", () => canine);
        canine = canineBuilder.Build();
        intelligent = Data(new InterfaceTypeBuilder<object>("Intelligent").ResolveType(DataResolvers.ResolveType),
                "iq", () => Scalars.Int)
            .Build();

        var dogCommand = new GraphQLEnumType("DogCommand",
            [new EnumValueDefinition("SIT"), new EnumValueDefinition("HEEL"), new EnumValueDefinition("DOWN")]);
        var furColor = new GraphQLEnumType("FurColor",
        [
            new EnumValueDefinition("BROWN"),
            new EnumValueDefinition("BLACK"),
            new EnumValueDefinition("TAN"),
            new EnumValueDefinition("SPOTTED"),
            new EnumValueDefinition("NO_FUR"),
            new EnumValueDefinition("UNKNOWN") { DeprecationReason = "Too vague." },
        ]);

        var dogBuilder = new ObjectTypeBuilder<object>("Dog").Implements(() => being).Implements(() => pet)
            .Implements(() => mammal).Implements(() => canine);
        Data(dogBuilder, "name", () => Scalars.String, Name);
        Data(dogBuilder, "nickname", () => Scalars.String);
        Data(dogBuilder, "barkVolume", () => Scalars.Int);
        Data(dogBuilder, "barks", () => Scalars.Boolean);
        Data(dogBuilder, "doesKnowCommand", () => Scalars.Boolean, f => f.Argument("dogCommand", dogCommand));
        Data(dogBuilder, "isHouseTrained", () => Scalars.Boolean, f => f.Argument("atOtherHomes", Scalars.Boolean, defaultValue: true));
        Data(dogBuilder, "isAtLocation", () => Scalars.Boolean, f => f.Argument("x", Scalars.Int).Argument("y", Scalars.Int));
        Data(dogBuilder, "mother", () => dog);
        Data(dogBuilder, "father", () => dog);
        Data(dogBuilder, "oldName", () => Scalars.String, f => f.Deprecated("Use `name`."));
        Data(dogBuilder, "birthday", () => date);
        dog = dogBuilder.Build();

        var catBuilder = new ObjectTypeBuilder<object>("Cat").Implements(() => being).Implements(() => pet);
        Data(catBuilder, "name", () => Scalars.String, Name);
        Data(catBuilder, "nickname", () => Scalars.String);
        Data(catBuilder, "meows", () => Scalars.Boolean);
        Data(catBuilder, "meowsVolume", () => Scalars.Int);
        Data(catBuilder, "meowVolume", () => Scalars.Int);
        Data(catBuilder, "furColor", () => furColor);
        cat = catBuilder.Build();

        var catOrDog = new GraphQLUnionType("CatOrDog", () => [cat, dog]) { ResolveType = ByTypename };

        var humanBuilder = new ObjectTypeBuilder<object>("Human").Implements(() => being).Implements(() => intelligent);
        Data(humanBuilder, "name", () => Scalars.String, Name);
        Data(humanBuilder, "pets", () => List(pet));
        Data(humanBuilder, "relatives", () => List(human));
        Data(humanBuilder, "iq", () => Scalars.Int);
        Data(humanBuilder, "birthday", () => date);
        Data(humanBuilder, "legacyId", () => Scalars.ID, f => f.Deprecated());
        human = humanBuilder.Build();

        var alienBuilder = new ObjectTypeBuilder<object>("Alien").Implements(() => being).Implements(() => intelligent);
        Data(alienBuilder, "name", () => Scalars.String, Name);
        Data(alienBuilder, "iq", () => Scalars.Int);
        Data(alienBuilder, "numEyes", () => Scalars.Int);
        alien = alienBuilder.Build();

        var dogOrHuman = new GraphQLUnionType("DogOrHuman", () => [dog, human]) { ResolveType = ByTypename };
        var humanOrAlien = new GraphQLUnionType("HumanOrAlien", () => [human, alien]) { ResolveType = ByTypename };

        return new AnimalTypes(being, mammal, pet, canine, intelligent, dogCommand, dog, cat, catOrDog, human, alien,
            dogOrHuman, humanOrAlien, furColor);
    }
}
