using DepinApi.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DepinApi.Tests.GraphQL.Compiled;

/// <summary>What one server answered: status, body and the execution path its Server-Timing header names.</summary>
public sealed record ServerAnswer(int Status, string Body, string ServerTiming)
{
    public bool Says(string path) => ServerTiming.Contains($"desc=\"{path}\"", StringComparison.Ordinal);
}

/// <summary>One request sent to both servers.</summary>
public sealed record DifferentialExchange(GeneratedQuery Query, ServerAnswer Compiled, ServerAnswer Resolvers);

/// <summary>
/// Two APIs over one database: one with compiled execution on, one with it off, otherwise configured alike. Caches
/// are off so that every request really executes, and rate limiting is off so that hundreds of requests are
/// admitted. The generated query sets are sent once per test run and their answers shared by the tests that judge
/// them from different sides.
/// </summary>
public sealed class CompiledExecutionServers : IAsyncLifetime
{
    public const int CompilableSeed = 20260603;
    public const int CompilableCount = 300;
    public const int OutsideSeed = 20260602;

    public static readonly string CursorKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    /// <summary>Eight of each kind of outside element.</summary>
    public static int OutsideCount => 8 * OutsideSubsetElement.All.Count;

    private string _database = null!;
    private ApiFactory _compiledFactory = null!;
    private ApiFactory _resolversFactory = null!;
    private Lazy<Task<IReadOnlyList<DifferentialExchange>>> _compilable = null!;
    private Lazy<Task<IReadOnlyList<(OutsideSubsetElement Element, DifferentialExchange Exchange)>>> _outside = null!;

    public GraphQLClient Compiled { get; private set; } = null!;

    public GraphQLClient Resolvers { get; private set; } = null!;

    public SeedVocabulary Vocabulary { get; private set; } = null!;

    public Task<IReadOnlyList<DifferentialExchange>> CompilableExchanges => _compilable.Value;

    public Task<IReadOnlyList<(OutsideSubsetElement Element, DifferentialExchange Exchange)>> OutsideExchanges => _outside.Value;

    public async Task InitializeAsync()
    {
        _database = await TestPostgres.CreateDatabaseAsync();
        // The resolvers' server starts first and imports the seed data; the compiled one then serves the same rows.
        _resolversFactory = new ApiFactory(_database, Settings(compiledExecution: false, importSeed: true));
        Resolvers = new GraphQLClient(_resolversFactory.CreateClient());
        _compiledFactory = new ApiFactory(_database, Settings(compiledExecution: true, importSeed: false));
        Compiled = new GraphQLClient(_compiledFactory.CreateClient());
        await ImportSecondVersionAsync();
        Vocabulary = await SeedVocabulary.ReadAsync(Resolvers);

        _compilable = new(async () =>
        {
            var answers = new List<DifferentialExchange>();
            foreach (var query in CompilableQueryGenerator.Compilable(Vocabulary, CompilableSeed, CompilableCount))
                answers.Add(await ExchangeAsync(query));
            return answers;
        });
        _outside = new(async () =>
        {
            var answers = new List<(OutsideSubsetElement, DifferentialExchange)>();
            foreach (var (element, query) in CompilableQueryGenerator.JustOutside(Vocabulary, OutsideSeed, OutsideCount))
                answers.Add((element, await ExchangeAsync(query)));
            return answers;
        });
    }

    /// <summary>
    /// Version 2, so that <c>asOf: "1"</c> reads other data than the newest: a figure corrected, a project renamed (its
    /// place in name order changes) and a former slug that only version 2 knows.
    /// </summary>
    private async Task ImportSecondVersionAsync()
    {
        var directory = SeedDataCopy.InNewTemporaryFolder("depin-compiled-v2-");
        void Change(string file, string from, string to)
        {
            var path = Path.Combine(directory, file);
            var text = File.ReadAllText(path);
            Assert.Contains(from, text);
            File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
        }
        SecondDataVersion.ReviseFigure(directory);
        Change("projects.csv", "helium,Helium,", "helium,The Helium Network,");
        SecondDataVersion.AddFormerSlug(directory);
        await ImportAsync(directory);
    }

    /// <summary>Imports the seed files in <paramref name="directory"/> as the next data version, as <c>import</c> does, then has both servers read the data versions again.</summary>
    public async Task ImportAsync(string directory)
    {
        await using (var admin = Npgsql.NpgsqlDataSource.Create(_database))
        {
            var result = await new DepinApi.Import.SeedImporter(admin).ImportAsync(directory, CancellationToken.None);
            Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        }
        await ReloadVersionsAsync();
    }

    /// <summary>
    /// Runs <paramref name="sql"/> on the database as its owner (a test's own rows, added as a data version of their
    /// own), then has both servers read the data versions again.
    /// </summary>
    public async Task AddVersionAsync(string sql)
    {
        await using (var admin = Npgsql.NpgsqlDataSource.Create(_database))
        await using (var command = admin.CreateCommand(sql))
            await command.ExecuteNonQueryAsync();
        await ReloadVersionsAsync();
    }

    private async Task ReloadVersionsAsync()
    {
        foreach (var factory in (ApiFactory[])[_resolversFactory, _compiledFactory])
            await factory.Services.GetRequiredService<DepinApi.Database.DataVersionTracker>().ReloadAsync(CancellationToken.None);
    }

    /// <summary>Sends the query to both servers, one after the other.</summary>
    public async Task<DifferentialExchange> ExchangeAsync(GeneratedQuery query) =>
        new(query, await AnswerAsync(Compiled, query), await AnswerAsync(Resolvers, query));

    private static async Task<ServerAnswer> AnswerAsync(GraphQLClient client, GeneratedQuery query)
    {
        using var response = await client.SendPostAsync(query.Query, query.Variables);
        var timing = response.Headers.TryGetValues("Server-Timing", out var values) ? string.Join(", ", values) : "";
        return new ServerAnswer((int)response.StatusCode, await response.Content.ReadAsStringAsync(), timing);
    }

    private static Dictionary<string, string?> Settings(bool compiledExecution, bool importSeed)
    {
        var settings = new Dictionary<string, string?>
        {
            ["GraphQL:CompiledExecution"] = compiledExecution ? "true" : "false",
            // One key for both servers, as for replicas behind one load balancer: a cursor one signed the other opens.
            ["Rest:CursorKey"] = CursorKey,
            ["GraphQL:CacheEnabled"] = "false",
            ["Rest:OutputCacheEnabled"] = "false",
            ["RateLimiting:Enabled"] = "false",
            // Generated queries may ask for 100 projects with several lists each; refused alike by both servers they
            // would compare equal without having run.
            ["GraphQL:MaxCost"] = "1000000",
        };
        if (importSeed)
        {
            settings["Database:ImportSeedWhenEmpty"] = "true";
            settings["Database:SeedDirectory"] = RepositoryPaths.SeedData;
        }
        return settings;
    }

    public async Task DisposeAsync()
    {
        await _compiledFactory.DisposeAsync();
        await _resolversFactory.DisposeAsync();
        await TestPostgres.DropDatabaseAsync(_database);
    }
}
