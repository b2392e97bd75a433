using DepinApi.GraphQL.Enums;
using DepinApi.GraphQL.ScalarTypes;
using DepinApi.ReadModel;
using GraphQLEngine.Type;

namespace DepinApi.GraphQL.Types;

/// <summary>Network metrics and sector figures: a value (or range) in a unit over a period.</summary>
internal static class MeasuredFigureTypes
{
    public static GraphQLObjectType NetworkMetric(GraphQLObjectType source) => new ObjectTypeBuilder<NetworkMetric>("NetworkMetric")
        .Description("A usage or supply figure of a project's network over a period (a range when valueMax is set).")
        .Id(m => m.Id)
        .ProjectSlug(m => m.Project)
        .Field("period", new GraphQLNonNull(Scalars.String), f => f.Description(PeriodDescription).Resolve(m => m.Period))
        .Field("periodStart", new GraphQLNonNull(DateScalar.Type), f => f.Description("First day of the period.").Resolve(m => m.PeriodStart))
        .Field("periodEnd", new GraphQLNonNull(DateScalar.Type), f => f.Description("Last day of the period.").Resolve(m => m.PeriodEnd))
        .Field("metric", new GraphQLNonNull(Scalars.String), f => f.Description("What is measured, in snake_case, e.g. active_compute_clients.").Resolve(m => m.Metric))
        .Field("value", new GraphQLNonNull(DecimalScalar.Type), f => f.Description("The value (the low end of a range).").Resolve(m => m.Value))
        .Field("valueMax", DecimalScalar.Type, f => f.Description("The high end of a range; null for a single value.").Resolve(m => m.ValueMax))
        .Field("unit", new GraphQLNonNull(DepinEnums.MetricUnit), f => f.Description("The unit of value and valueMax.").Resolve(m => m.Unit))
        .Provenance(source, m => m.Basis, m => m.Qualifier, m => m.Source, m => m.Quote)
        .Citable((views, m) => views.Cite(m))
        .Build();

    public static GraphQLObjectType SectorFigure(GraphQLObjectType source) => new ObjectTypeBuilder<SectorFigure>("SectorFigure")
        .Description("A figure about the DePIN sector as a whole or its compute networks.")
        .Id(m => m.Id)
        .Field("scope", new GraphQLNonNull(DepinEnums.SectorScope), f => f.Description("Which part of the sector it describes.").Resolve(m => m.Scope))
        .Field("period", new GraphQLNonNull(Scalars.String), f => f.Description(PeriodDescription).Resolve(m => m.Period))
        .Field("periodStart", new GraphQLNonNull(DateScalar.Type), f => f.Description("First day of the period.").Resolve(m => m.PeriodStart))
        .Field("periodEnd", new GraphQLNonNull(DateScalar.Type), f => f.Description("Last day of the period.").Resolve(m => m.PeriodEnd))
        .Field("metric", new GraphQLNonNull(Scalars.String), f => f.Description("What is measured, in snake_case, e.g. circulating_market_cap.").Resolve(m => m.Metric))
        .Field("value", new GraphQLNonNull(DecimalScalar.Type), f => f.Description("The value (the low end of a range).").Resolve(m => m.Value))
        .Field("valueMax", DecimalScalar.Type, f => f.Description("The high end of a range; null for a single value.").Resolve(m => m.ValueMax))
        .Field("unit", new GraphQLNonNull(DepinEnums.MetricUnit), f => f.Description("The unit of value and valueMax.").Resolve(m => m.Unit))
        .Provenance(source, m => m.Basis, m => m.Qualifier, m => m.Source, m => m.Quote)
        .Citable((views, m) => views.Cite(m))
        .Build();

    internal const string PeriodDescription =
        "The period as the source dates it: a quarter (2025Q3), a year (2025), a month (2025-10), a day (2026-06-01) or a span (2025-01/2025-09). "
        + "A figure its source does not date carries the source's own period, meaning as reported then, not measured over it; its citation says so (as reported in early 2026).";
}
