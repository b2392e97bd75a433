using DepinApi.GraphQL.Enums;
using DepinApi.GraphQL.ScalarTypes;
using DepinApi.ReadModel;
using DepinApi.SectorAnalytics;
using GraphQLEngine.Type;

namespace DepinApi.GraphQL.Types;

/// <summary>The sector analytics' types (docs/methodology.md, "Sector analytics").</summary>
internal static class SectorAnalyticsTypes
{
    public static GraphQLObjectType Create(GraphQLObjectType source)
    {
        var stated = new ObjectTypeBuilder<StatedFigure>("StatedSectorFigure")
            .Description("A figure a source states for the sector as a whole.")
            .Field("figureId", new GraphQLNonNull(Scalars.ID), f => f.Description("The sector figure's id.").Resolve(s => s.FigureId))
            .Field("scope", new GraphQLNonNull(DepinEnums.SectorScope), f => f.Description("Which part of the sector it describes.").Resolve(s => s.Scope))
            .Field("period", new GraphQLNonNull(Scalars.String), f => f.Description(MeasuredFigureTypes.PeriodDescription).Resolve(s => s.Period))
            .Field("metric", new GraphQLNonNull(Scalars.String), f => f.Description("What is measured.").Resolve(s => s.Metric))
            .Field("value", new GraphQLNonNull(DecimalScalar.Type), f => f.Description("The value.").Resolve(s => s.Value))
            .Field("unit", new GraphQLNonNull(DepinEnums.MetricUnit), f => f.Description("The unit of value.").Resolve(s => s.Unit))
            .Provenance(source, s => s.Basis, s => s.Qualifier, s => s.Source, s => s.Quote)
            .Build();

        var share = new ObjectTypeBuilder<ProjectShare>("ProjectRevenueShare")
            .Description("One project's figure in a revenue concentration and its share of the listed total.")
            .Field("project", new GraphQLNonNull(Scalars.String), f => f.Description("The project's slug.").Resolve(s => s.Project))
            .Field("name", new GraphQLNonNull(Scalars.String), f => f.Description("The project's name.").Resolve(s => s.Name))
            .Field("amountUsd", new GraphQLNonNull(DecimalScalar.Type), f => f.Description("Its figure in US dollars.").Resolve(s => s.AmountUsd))
            .Field("share", DecimalScalar.Type, f => f.Description("Its share of the listed total, 0 to 1; null when the total is 0.").Resolve(s => s.Share))
            .Field("figureId", new GraphQLNonNull(Scalars.ID), f => f.Description("The revenue figure's id.").Resolve(s => s.FigureId))
            .Provenance(source, s => s.Basis, s => s.Qualifier, s => s.Source, s => s.Quote)
            .Build();

        var concentration = new ObjectTypeBuilder<RevenueConcentration>("RevenueConcentration")
            .Description("One quarter and revenue metric across the projects that have a figure for it: total, shares, top-3 share and HHI.")
            .Field("quarter", new GraphQLNonNull(QuarterScalar.Type), f => f.Description("The quarter.").Resolve(c => ParseQuarter(c.Quarter)))
            .Field("metric", new GraphQLNonNull(DepinEnums.RevenueMetric), f => f.Description("The revenue metric.").Resolve(c => c.Metric))
            .Field("totalUsd", new GraphQLNonNull(DecimalScalar.Type), f => f.Description("The listed projects' total in US dollars.").Resolve(c => c.TotalUsd))
            .Field("projectCount", new GraphQLNonNull(Scalars.Int), f => f.Description("How many projects have a figure.").Resolve(c => c.ProjectCount))
            .Field("projects", ProjectType.NonNullList(share), f => f.Description("Each project's figure and share.").Resolve(c => c.Projects))
            .Field("top3Share", DecimalScalar.Type, f => f.Description("The three largest shares summed; null when the total is 0.").Resolve(c => c.Top3Share))
            .Field("hhi", DecimalScalar.Type, f => f.Description("Herfindahl–Hirschman index, 10,000 × Σ share²; null when the total is 0.").Resolve(c => c.Hhi))
            .Field("statedTotal", stated, f => f.Description("The sector total a source states for the same quarter and metric, if any.").Resolve(c => c.StatedTotal))
            .Field("listedMinusStatedUsd", DecimalScalar.Type, f => f.Description("The listed total minus the stated total, when both exist.").Resolve(c => c.ListedMinusStatedUsd))
            .Field("statedTop3Share", stated, f => f.Description("The top-3 share a source states, if any.").Resolve(c => c.StatedTop3Share))
            .Build();

        var implied = new ObjectTypeBuilder<ImpliedYearEarlierPrice>("ImpliedYearEarlierPrice")
            .Description("The token price a year earlier implied by a price and its 1-year change: price ÷ (1 + change).")
            .Field("project", new GraphQLNonNull(Scalars.String), f => f.Description("The project's slug.").Resolve(p => p.Project))
            .Field("tokenSymbol", new GraphQLNonNull(Scalars.String), f => f.Description("The token's ticker.").Resolve(p => p.TokenSymbol))
            .Field("date", new GraphQLNonNull(Scalars.String), f => f.Description("The day of the price, YYYY-MM-DD.").Resolve(p => p.Date))
            .Field("priceUsd", new GraphQLNonNull(DecimalScalar.Type), f => f.Description("The price on that day.").Resolve(p => p.PriceUsd))
            .Field("change1y", new GraphQLNonNull(DecimalScalar.Type), f => f.Description("The 1-year change as a fraction.").Resolve(p => p.Change1y))
            .Field("impliedPriceUsd", DecimalScalar.Type, f => f.Description("The implied price a year earlier; null when the change is −100%.").Resolve(p => p.ImpliedPriceUsd))
            .Field("arithmetic", new GraphQLNonNull(Scalars.String), f => f.Description("The calculation with the numbers filled in.").Resolve(p => p.Arithmetic))
            .Field("figureId", new GraphQLNonNull(Scalars.ID), f => f.Description("The token price figure's id.").Resolve(p => p.FigureId))
            .Field("source", new GraphQLNonNull(source), f => f.Description("Where the price comes from.").Resolve(p => p.Source))
            .Field("quote", new GraphQLNonNull(Scalars.String), f => f.Description("The sentence that states it, verbatim.").Resolve(p => p.Quote))
            .Build();

        var multiple = new ObjectTypeBuilder<SectorRevenueMultiple>("SectorRevenueMultiple")
            .Description("The sector's market cap divided by its revenue for the same period, both as a source states them.")
            .Field("scope", new GraphQLNonNull(DepinEnums.SectorScope), f => f.Description("Which part of the sector.").Resolve(m => m.Scope))
            .Field("period", new GraphQLNonNull(Scalars.String), f => f.Description("The period.").Resolve(m => m.Period))
            .Field("marketCapUsd", new GraphQLNonNull(DecimalScalar.Type), f => f.Description("The stated market cap.").Resolve(m => m.MarketCapUsd))
            .Field("revenueUsd", new GraphQLNonNull(DecimalScalar.Type), f => f.Description("The stated revenue.").Resolve(m => m.RevenueUsd))
            .Field("revenueMetric", new GraphQLNonNull(Scalars.String), f => f.Description("Which revenue metric was divided by.").Resolve(m => m.RevenueMetric))
            .Field("multiple", DecimalScalar.Type, f => f.Description("Market cap ÷ revenue, two decimals; null when revenue is 0.").Resolve(m => m.Multiple))
            .Field("arithmetic", new GraphQLNonNull(Scalars.String), f => f.Description("The calculation with the numbers filled in.").Resolve(m => m.Arithmetic))
            .Field("marketCap", new GraphQLNonNull(stated), f => f.Description("The market-cap figure.").Resolve(m => m.MarketCap))
            .Field("revenue", new GraphQLNonNull(stated), f => f.Description("The revenue figure.").Resolve(m => m.Revenue))
            .Build();

        return new ObjectTypeBuilder<SectorAnalyticsReport>("SectorAnalytics")
            .Description("Sector analytics computed from one data version: revenue concentration, implied year-earlier prices, revenue multiples.")
            .Field("methodologyVersion", new GraphQLNonNull(Scalars.String), f => f.Description("The methodology version.").Resolve(r => r.MethodologyVersion))
            .Field("dataVersion", new GraphQLNonNull(Scalars.Int), f => f.Description("The data version it was computed from.").Resolve(r => r.DataVersion))
            .Field("sector", DepinEnums.Sector, f => f.Description("The sector analysed; null for every project.").Resolve(r => r.Sector))
            .Field("scope", DepinEnums.SectorScope, f => f.Description("The sector-figure scope compared with, if any.").Resolve(r => r.Scope))
            .Field("revenue", ProjectType.NonNullList(concentration), f => f.Description("Revenue concentration per quarter and metric.").Resolve(r => r.Revenue))
            .Field("impliedPrices", ProjectType.NonNullList(implied), f => f.Description("Implied year-earlier token prices.").Resolve(r => r.ImpliedPrices))
            .Field("revenueMultiples", ProjectType.NonNullList(multiple), f => f.Description("Market cap to revenue multiples.").Resolve(r => r.RevenueMultiples))
            .Build();
    }

    private static Quarter ParseQuarter(string text) =>
        Quarter.TryParse(text, out var quarter) ? quarter : throw new InvalidOperationException($"Not a quarter: {text}");
}
