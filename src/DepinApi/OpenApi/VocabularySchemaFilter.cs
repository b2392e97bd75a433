using System.Text.Json.Nodes;
using DepinApi.Domain;
using DepinApi.Rest.Models;
using DepinApi.Series;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace DepinApi.OpenApi;

/// <summary>
/// Lists, as an <c>enum</c>, the values of every response property that holds a closed vocabulary, read from the
/// vocabulary itself (<see cref="Vocabularies"/>, which the database's CHECK constraints agree with), so that a generated
/// client's enum has every value the server can send. A nullable property's list ends with null.
/// </summary>
public sealed class VocabularySchemaFilter : ISchemaFilter
{
    // Names that mean one vocabulary on every response type that has them.
    private static readonly Dictionary<string, IReadOnlyList<string>> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["basis"] = Vocabularies.Basis.Values,
        ["qualifier"] = Vocabularies.Qualifier.Values,
        ["unit"] = Vocabularies.MetricUnit.Values,
        ["sector"] = Vocabularies.Sector.Values,
        ["scope"] = Vocabularies.SectorScope.Values,
        ["units"] = SeriesUnitsNames.All,
    };

    // Names whose vocabulary depends on the type (a source's kind is not a change's); elsewhere they are open text.
    private static readonly Dictionary<(Type, string), IReadOnlyList<string>> ByMember = new()
    {
        [(typeof(SettlementMixView), nameof(SettlementMixView.Label))] = Vocabularies.SettlementLabel.Values,
        [(typeof(SourceView), nameof(SourceView.Kind))] = Vocabularies.SourceKind.Values,
        [(typeof(SourceListItem), nameof(SourceListItem.Kind))] = Vocabularies.SourceKind.Values,
        [(typeof(ReadModel.Source), nameof(ReadModel.Source.Kind))] = Vocabularies.SourceKind.Values,
        [(typeof(ChangeView), nameof(ChangeView.Kind))] = Vocabularies.ChangeKind.Values,
        [(typeof(RevenueFigureView), nameof(RevenueFigureView.Metric))] = Vocabularies.RevenueMetric.Values,
        [(typeof(SectorAnalytics.RevenueConcentration), nameof(SectorAnalytics.RevenueConcentration.Metric))] = Vocabularies.RevenueMetric.Values,
        [(typeof(Screening.ComponentScore), nameof(Screening.ComponentScore.Coverage))] = Screening.Coverage.All,
    };

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (context.MemberInfo is not { DeclaringType: { } type } member || schema is not OpenApiSchema concrete
            || concrete.Type is not { } kind || (kind & JsonSchemaType.String) == 0)
            return;
        if (!ByMember.TryGetValue((type, member.Name), out var values) && !ByName.TryGetValue(member.Name, out values))
            return;
        var list = values.Select(v => (JsonNode?)JsonValue.Create(v)).ToList();
        if ((kind & JsonSchemaType.Null) != 0)
            list.Add(null);
        concrete.Enum = list!;
    }
}
