using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text.Json;
using DepinApi.Import;
using DepinApi.Tests.Import;
using DepinApi.Tests.Infrastructure;
using Npgsql;

namespace DepinApi.Tests.Reliability;

/// <summary>
/// HTTP readers poll while imports alternate between two data sets, each import held inside its
/// transaction for a while and then committed under the readers' feet. Every response must show
/// exactly the figures of the version it names: never a project name from one version beside an
/// amount from the other.
/// </summary>
public sealed class ReadsDuringImportTests
{
    private const string ImporterName = "depin-import-during-reads";
    private const string Path = "/v1/revenue?metric=quarterly_revenue&quarter=2025Q3";
    private const int Readers = 4;
    private const int LastVersion = 7;

    // Per response: project, its name, the amount and the source's publisher, which the two data sets all differ in.
    private static readonly string[] FirstSet =
        ["akash|Akash Network|1200000.5|Example Research", "helium|Helium|851700|Example Press"];
    private static readonly string[] ChangedSet =
        ["akash|Akash Network|1300000|Example Research", "helium|Helium Network|900000|Example Press Weekly"];

    // Odd versions import the fixture, even ones the changed set.
    private static string[] Expected(int version) => version % 2 == 1 ? FirstSet : ChangedSet;
    private static SeedFixture DataSet(int version) => version % 2 == 1 ? SeedFixture.Valid() : ChangedSeed.Create();

    [Fact]
    public async Task Readers_see_the_old_version_or_the_new_never_a_mix()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        await using var importerSource = NpgsqlDataSource.Create(
            new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = ImporterName }.ConnectionString);
        var importer = new SeedImporter(importerSource);
        Assert.Equal(1, (await importer.ImportAsync(DataSet(1).Write(), CancellationToken.None)).DataVersion);

        // Nothing cached: every response must come from a snapshot of its own.
        await using var factory = new ApiFactory(connectionString, new Dictionary<string, string?>
        {
            ["RateLimiting:Enabled"] = "false",
            ["Rest:OutputCacheEnabled"] = "false",
        });
        using var client = factory.CreateClient();
        var seen = new ConcurrentQueue<int>();
        var mixed = new ConcurrentQueue<string>();
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, Readers).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var (version, figures) = await ReadAsync(client);
                if (!figures.SequenceEqual(Expected(version)))
                    mixed.Enqueue($"version {version}: {string.Join("; ", figures)}");
                seen.Enqueue(version);
            }
        })).ToArray();

        try
        {
            for (var version = 2; version <= LastVersion; version++)
            {
                Task<ImportResult> import;
                await using (var stall = await ImportStall.HoldAsync(connectionString))
                {
                    import = importer.ImportAsync(DataSet(version).Write(), CancellationToken.None);
                    await stall.WaitForStalledImportAsync(ImporterName);
                    // Readers carry on while the import holds its writes uncommitted.
                    var before = seen.Count;
                    await Poll.UntilAsync(() => Task.FromResult(seen.Count >= before + 2 * Readers || readers.Any(r => r.IsCompleted)),
                        "readers answered during the stalled import");
                }
                var result = await import.WaitAsync(Poll.Patience);
                Assert.True(result.Succeeded, string.Join(Environment.NewLine, result.Errors));
                Assert.Equal(version, result.DataVersion);
                var committed = version;
                await Poll.UntilAsync(() => Task.FromResult(seen.Contains(committed) || readers.Any(r => r.IsCompleted)),
                    $"a reader saw version {committed}");
            }
        }
        finally
        {
            await stop.CancelAsync();
            // A reader that failed rethrows here, with its own message.
            await Task.WhenAll(readers).WaitAsync(Poll.Patience);
        }

        Assert.Empty(mixed);
        Assert.Equal(Enumerable.Range(1, LastVersion), seen.Distinct().Order());
    }

    private static async Task<(int Version, string[] Figures)> ReadAsync(HttpClient client)
    {
        using var timeout = new CancellationTokenSource(Poll.Patience);
        using var response = await client.GetAsync(Path, timeout.Token);
        var body = await response.Content.ReadAsStringAsync(timeout.Token);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        using var json = JsonDocument.Parse(body);
        var version = json.RootElement.GetProperty("dataVersion").GetProperty("id").GetInt32();
        var figures = json.RootElement.GetProperty("data").EnumerateArray()
            .Select(f => string.Join('|',
                f.GetProperty("project").GetString(),
                f.GetProperty("projectName").GetString(),
                f.GetProperty("amountUsd").GetDecimal().ToString("0.##", CultureInfo.InvariantCulture),
                f.GetProperty("figure").GetProperty("source").GetProperty("publisher").GetString()))
            .Order(StringComparer.Ordinal)
            .ToArray();
        return (version, figures);
    }
}
