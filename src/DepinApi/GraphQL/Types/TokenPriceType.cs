using DepinApi.GraphQL.Enums;
using DepinApi.GraphQL.ScalarTypes;
using DepinApi.ReadModel;
using GraphQLEngine.Type;

namespace DepinApi.GraphQL.Types;

internal static class TokenPriceType
{
    /// <summary>Market prices are what the market disclosed; the read model stores no basis for them.</summary>
    private const string PriceBasis = Domain.Vocabularies.MarketPriceBasis;

    public static GraphQLObjectType Create(GraphQLObjectType source) => new ObjectTypeBuilder<TokenPrice>("TokenPrice")
        .Description("A token's price on a day and/or its change over a window, as a source states them.")
        .Id(p => p.Id)
        .ProjectSlug(p => p.Project)
        .Field("tokenSymbol", new GraphQLNonNull(Scalars.String), f => f.Description("The token's ticker, e.g. HNT.").Resolve(p => p.TokenSymbol))
        .Field("date", new GraphQLNonNull(DateScalar.Type), f => f.Description("The day of the price.").Resolve(p => p.Date))
        .Field("priceUsd", DecimalScalar.Type, f => f
            .Description("The price in US dollars; null when the source states only a change.")
            .Resolve(p => p.PriceUsd))
        .Field("change30d", DecimalScalar.Type, f => f.Description("Change over 30 days as a fraction (-0.5 is -50%); null when not stated.").Resolve(p => p.Change30d))
        .Field("change90d", DecimalScalar.Type, f => f.Description("Change over 90 days as a fraction; null when not stated.").Resolve(p => p.Change90d))
        .Field("change1y", DecimalScalar.Type, f => f.Description("Change over one year as a fraction; null when not stated.").Resolve(p => p.Change1y))
        .Provenance(source, _ => PriceBasis, p => p.Qualifier, p => p.Source, p => p.Quote)
        .Citable((views, p) => views.Cite(p))
        .Build();
}
