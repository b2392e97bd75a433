using DepinApi.ReadModel;

namespace DepinApi.Screening;

/// <summary>
/// One figure or claim a component used: what it is, its value (or label), where it comes from,
/// the date or period it refers to, and the sentence it was taken from.
/// </summary>
/// <param name="Role">What the formula used it for, e.g. "stablecoin_share" or "current_revenue".</param>
/// <param name="Table">The seed file the row lives in ("settlement_mix", "revenue", "evidence" …).</param>
/// <param name="FigureId">The row's permanent id in that file.</param>
/// <param name="Value">The number used, when the row gives one.</param>
/// <param name="Label">The label used, when the row gives a label instead of a number.</param>
/// <param name="AsOf">The date, quarter or period the row refers to, as the data model writes it.</param>
public sealed record ScreeningInput(
    string Role, string Table, string FigureId, decimal? Value, string? Label, string AsOf, string Basis,
    string? Qualifier, Source Source, string Quote);
