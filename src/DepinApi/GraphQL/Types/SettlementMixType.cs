using DepinApi.GraphQL.Enums;
using DepinApi.GraphQL.ScalarTypes;
using DepinApi.ReadModel;
using GraphQLEngine.Type;

namespace DepinApi.GraphQL.Types;

internal static class SettlementMixType
{
    public static GraphQLObjectType Create(GraphQLObjectType source) => new ObjectTypeBuilder<SettlementMix>("SettlementMix")
        .Description("How a project's fees are settled: the share paid in stablecoins and in its own token, or a label when the source gives no number.")
        .Id(m => m.Id)
        .ProjectSlug(m => m.Project)
        .Field("date", new GraphQLNonNull(DateScalar.Type), f => f.Description("The day the mix describes (REST names it date too).").Resolve(m => m.AsOf))
        .Field("stablecoinShare", DecimalScalar.Type, f => f
            .Description("Share of fees settled in stablecoins, a fraction from 0 to 1; null when the source does not state it.")
            .Resolve(m => m.StablecoinShare))
        .Field("nativeShare", DecimalScalar.Type, f => f
            .Description("Share of fees settled in the project's own token, a fraction from 0 to 1; null when the source does not state it.")
            .Resolve(m => m.NativeShare))
        .Field("label", DepinEnums.SettlementLabel, f => f
            .Description("The source's wording when it gives no share.")
            .Resolve(m => m.Label))
        .Field("shareOf", new GraphQLNonNull(Scalars.String), f => f
            .Description("What the shares are of (their denominator), as the source states them.")
            .Resolve(_ => Rest.Models.SettlementMixView.ShareOfFees))
        .Provenance(source, m => m.Basis, m => m.Qualifier, m => m.Source, m => m.Quote)
        .Citable((views, m) => views.Cite(m))
        .Build();
}
