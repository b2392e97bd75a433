using DepinApi.ReadModel;
using DepinApi.Series;

namespace DepinApi.GraphQL.Types;

/// <summary>A revenue figure as a series presents it: the figure, the units asked for and its value in them.</summary>
public sealed record RevenueFigureInUnits(RevenueFigure Figure, SeriesUnits Units, decimal? Value);
