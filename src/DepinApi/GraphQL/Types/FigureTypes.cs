using GraphQLEngine.Type;

namespace DepinApi.GraphQL.Types;

/// <summary>The figure types, built once per schema and shared by the fields that return them.</summary>
internal sealed class FigureTypes
{
    public FigureTypes()
    {
        Source = SourceType.Create();
        Revenue = RevenueFigureType.Create(Source);
        SettlementMix = SettlementMixType.Create(Source);
        TokenPrice = TokenPriceType.Create(Source);
        NetworkMetric = MeasuredFigureTypes.NetworkMetric(Source);
        SectorFigure = MeasuredFigureTypes.SectorFigure(Source);
    }

    public GraphQLObjectType Source { get; }
    public GraphQLObjectType Revenue { get; }
    public GraphQLObjectType SettlementMix { get; }
    public GraphQLObjectType TokenPrice { get; }
    public GraphQLObjectType NetworkMetric { get; }
    public GraphQLObjectType SectorFigure { get; }
}
