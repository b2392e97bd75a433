using DepinApi.OpenApi;
using DepinApi.Rest.Models;
using DepinApi.Screening;

namespace DepinApi.Rest.Screening;

/// <summary>The ranked screening: one page of projects, with the data version and the methodology.</summary>
/// <remarks>As CSV: one row per project, a column per component score (empty when the component is missing).</remarks>
[OpenApiCsvExample(
    "project,name,sector,rank,sectorRank,composite,coverage,missingComponents,rankNote,methodologyVersion,scores.settlement_quality,scores.reward_funding,scores.burn_linkage,scores.external_demand,scores.revenue_momentum,scores.revenue_price_divergence,scores.valuation\r\n" +
    "helium,Helium,wireless,2,1,56.94,0.8,revenue_momentum valuation,,1.0.0,70,50,75,66.67,,21.45,\r\n")]
public sealed record ScreeningListResponse(
    DataVersionRef DataVersion, MethodologyRef Methodology, IReadOnlyList<ProjectScreening> Data, PageInfo Page)
{
    public static ScreeningListResponse Example => new(
        new DataVersionRef(1, new DateTimeOffset(2026, 6, 2, 0, 0, 0, TimeSpan.Zero), true), MethodologyRef.Current,
        [Examples.Helium], new PageInfo(50, null, null));
}

/// <summary>One project's screening, with the data version and the methodology.</summary>
/// <remarks>As CSV: one row per component, with the composite repeated on each.</remarks>
[OpenApiCsvExample(
    "project,composite,coverage,methodologyVersion,component,weight,score,formulaId,coverageOfComponent,fromLabel,arithmetic,missing,inputs\r\n" +
    "helium,56.94,0.8,1.0.0,settlement_quality,20,70,settlement_quality.share/1,full,false,100 × 0.7 = 70.00,,\"settlement_mix/helium-2026-06-01-settlement-mix stablecoin_share=0.70000 (2026-06-01, gate-2026-06-01)\"\r\n")]
public sealed record ProjectScreeningResponse(DataVersionRef DataVersion, MethodologyRef Methodology, ProjectScreening Data)
{
    public static ProjectScreeningResponse Example => new(
        new DataVersionRef(1, new DateTimeOffset(2026, 6, 2, 0, 0, 0, TimeSpan.Zero), true), MethodologyRef.Current, Examples.Helium);
}
