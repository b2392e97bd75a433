using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DepinApi.Domain;
using DepinApi.GraphQL;
using DepinApi.Import;
using DepinApi.Screening;
using DepinApi.SectorAnalytics;
using DepinApi.Tests.Infrastructure;
using GraphQLEngine.Type;
using Npgsql;

namespace DepinApi.Tests.Domain;

/// <summary>
/// The vocabularies have one home, <see cref="Vocabularies"/>. What cannot be derived from it is held to it here: the
/// CHECK constraints the migrations leave in the database, the GraphQL enums and the OpenAPI document's lists.
/// </summary>
public partial class VocabularyAgreementTests
{
    [Fact]
    public async Task Every_enumerated_column_of_the_database_allows_exactly_its_vocabulary()
    {
        var checks = await SingleColumnListChecksAsync();
        var columns = SeedFiles.All
            .SelectMany(file => file.Columns.Where(c => c.Type is EnumField && !IsPerKind(file, c))
                .Select(c => (Column: $"{file.Table}.{c.Name}", ((EnumField)c.Type).Allowed)))
            .ToDictionary(c => c.Column, c => c.Allowed);

        // Both ways: a CHECK list without a vocabulary in the importer fails as well as the reverse.
        Assert.Equal(checks.Keys.Order(), columns.Keys.Order());
        foreach (var (column, allowed) in columns)
            Assert.True(allowed.SequenceEqual(checks[column]),
                $"{column}: the database allows {string.Join(", ", checks[column])}; the code {string.Join(", ", allowed)}");
    }

    [Fact]
    public void The_importer_takes_each_enumerated_column_from_a_vocabulary_not_a_copy()
    {
        IReadOnlyList<string>[] vocabularies =
            [.. Vocabularies.All.Select(v => v.Values), Vocabularies.SingleNumberQualifiers, Vocabularies.EvidenceKinds];
        var columns = SeedFiles.All
            .SelectMany(file => file.Columns.Where(c => c.Type is EnumField && !IsPerKind(file, c)).Select(c => (file.Name, Column: c)))
            .ToList();
        Assert.NotEmpty(columns);
        Assert.All(columns, c => Assert.True(vocabularies.Any(v => ReferenceEquals(v, ((EnumField)c.Column.Type).Allowed)),
            $"{c.Name}.{c.Column.Name} lists its own values"));
    }

    [Fact]
    public async Task The_evidence_check_allows_exactly_the_labels_of_each_kind()
    {
        await using var connection = await OpenAsync();
        var definition = await ScalarAsync(connection, """
            SELECT pg_get_constraintdef(c.oid)
            FROM pg_constraint c
            WHERE c.conrelid = 'evidence'::regclass AND c.contype = 'c' AND pg_get_constraintdef(c.oid) LIKE '%label%'
            """);
        var allowed = KindClause().Matches(definition).ToDictionary(m => m.Groups["kind"].Value,
            m => (IReadOnlyList<string>)Literal().Matches(m.Groups["labels"].Value).Select(l => l.Groups[1].Value).ToList());

        Assert.Equal(Vocabularies.EvidenceKinds, allowed.Keys.ToList());
        foreach (var kind in Vocabularies.EvidenceKinds)
            Assert.Equal(Vocabularies.EvidenceLabels[kind], allowed[kind]);
    }

    [Fact]
    public void Every_scored_evidence_kind_scores_exactly_its_labels()
    {
        Assert.NotEmpty(EvidenceKinds.LabelScores);
        foreach (var (kind, scores) in EvidenceKinds.LabelScores)
            Assert.Equal(Vocabularies.EvidenceLabels[kind].Order(), scores.Keys.Order());
    }

    [Fact]
    public void The_screening_rules_name_only_values_of_the_vocabularies()
    {
        // Growth compares every revenue metric, in an order of its own.
        Assert.Equal(Vocabularies.RevenueMetric.Values.Order(), RevenueGrowth.Metrics.Order());
        Assert.All(Valuation.AnnualRevenueMetrics, m => Assert.True(Vocabularies.RevenueMetric.Contains(m.Metric), m.Metric));
        Assert.Equal(Vocabularies.SettlementLabel.Values.Order(), SettlementQuality.LabelBands.Keys.Order());
        Assert.All(Vocabularies.Sector.Values.Append(null), sector =>
            Assert.True(SectorAnalyticsCalculator.ScopeOf(sector) is not { } scope || Vocabularies.SectorScope.Contains(scope), sector));
    }

    [Fact]
    public void Each_vocabulary_is_a_graphql_enum_of_its_values_upper_cased()
    {
        var schema = DepinSchema.Create();
        foreach (var vocabulary in Vocabularies.All)
        {
            var type = Assert.IsType<GraphQLEnumType>(schema.GetType(vocabulary.Name));
            Assert.Equal(vocabulary.Values.Select(v => v.ToUpperInvariant()), type.GetValues().Select(v => v.Name));
            Assert.Equal(vocabulary.Values, type.GetValues().Select(v => (string)v.Value!));
            Assert.Equal(vocabulary.Terms.Select(t => t.Description), type.GetValues().Select(v => v.Description));
        }
    }

    [Fact]
    public void The_published_sdl_lists_each_vocabulary_as_its_enum()
    {
        var sdl = GraphQLEngine.Language.Parser.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "schema", "schema.graphql")));
        foreach (var vocabulary in Vocabularies.All)
        {
            var enumType = sdl.Definitions.OfType<GraphQLEngine.Language.EnumTypeDefinitionNode>()
                .SingleOrDefault(e => e.Name.Value == vocabulary.Name);
            Assert.True(enumType is not null, $"schema.graphql has no enum {vocabulary.Name}");
            Assert.Equal(vocabulary.Values.Select(v => v.ToUpperInvariant()), enumType.Values.Select(v => v.Name.Value));
            Assert.Equal(vocabulary.Terms.Select(t => t.Description), enumType.Values.Select(v => v.Description?.Value));
        }
    }

    [Fact]
    public void The_openapi_parameter_lists_name_exactly_the_vocabulary()
    {
        var listed = OpenApiParameters()
            .Select(p => (Name: (string)p["name"]!, Description: (string?)p["description"]))
            .Where(p => p.Description is not null && ColonList().IsMatch(p.Description) && p.Name is "metric" or "sector")
            .ToList();

        Assert.Contains(listed, p => p.Name == "metric");
        Assert.Contains(listed, p => p.Name == "sector");
        foreach (var (name, description) in listed)
        {
            var vocabulary = name == "metric" ? Vocabularies.RevenueMetric : Vocabularies.Sector;
            var values = Regex.Split(ColonList().Match(description!).Groups["list"].Value, ", | or ");
            Assert.Equal(vocabulary.Values, values);
        }
    }

    [Theory]
    [InlineData("/v1/sources", "SourceKind")]
    [InlineData("/v1/sector-figures", "SectorScope")]
    [InlineData("/v1/projects/{slug}/metrics", "MetricUnit")]
    [InlineData("/v1/projects/{slug}/settlement-mix", "SettlementLabel")]
    public void The_openapi_description_of_a_list_names_every_value_of_its_vocabulary(string path, string vocabulary)
    {
        var operation = OpenApi()["paths"]![path]!["get"]!;
        var text = (string)operation["description"]!;
        foreach (var value in Vocabularies.All.Single(v => v.Name == vocabulary).Values)
            Assert.Matches($@"\b{value}\b", text);
    }

    private static bool IsPerKind(FileSpec file, ColumnSpec column) => file.Rules.OfType<ValuesPerKindRule>().Any() && column.Name == "label";

    private static JsonNode OpenApi() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "schema", "openapi.json")))!;

    private static IEnumerable<JsonNode> OpenApiParameters() =>
        OpenApi()["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject())
            .SelectMany(operation => operation.Value!["parameters"]?.AsArray() ?? [])
            .OfType<JsonNode>();

    /// <summary>Every single-column CHECK that lists values (<c>col IN (…)</c>), by table.column, values in order.</summary>
    private static async Task<Dictionary<string, List<string>>> SingleColumnListChecksAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT t.relname, a.attname, pg_get_constraintdef(c.oid)
            FROM pg_constraint c
            JOIN pg_class t ON t.oid = c.conrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
            WHERE c.contype = 'c' AND n.nspname = 'public' AND cardinality(c.conkey) = 1
            ORDER BY t.relname, a.attname
            """, connection);
        var checks = new Dictionary<string, List<string>>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var definition = reader.GetString(2);
            if (!definition.Contains("= ANY (ARRAY[", StringComparison.Ordinal))
                continue;
            var column = $"{reader.GetString(0)}.{reader.GetString(1)}";
            Assert.False(checks.ContainsKey(column), $"{column} has two CHECK lists");
            checks[column] = Literal().Matches(definition).Select(m => m.Groups[1].Value).ToList();
        }
        return checks;
    }

    private static async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(await TestPostgres.CreateDatabaseAsync());
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<string> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    [GeneratedRegex("'((?:[^']|'')*)'::text")]
    private static partial Regex Literal();

    // Postgres prints each "(kind = 'x' AND label IN (…))" branch as "((kind = 'x'::text) AND (label = ANY (ARRAY[…])))",
    // or "label = 'y'::text" when the list has one value.
    [GeneratedRegex(@"kind = '(?<kind>\w+)'::text\) AND \(label = (?<labels>ANY \(ARRAY\[[^\]]*\]\)|'\w+'::text)")]
    private static partial Regex KindClause();

    [GeneratedRegex(@"^[^:]*: (?<list>[a-z_]+(?:, [a-z_]+)*(?: or [a-z_]+)?)\.")]
    private static partial Regex ColonList();
}
