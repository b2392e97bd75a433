using DepinApi.Database;
using DepinApi.Import;
using Npgsql;

namespace DepinApi.Tests.Import;

/// <summary>Imports serialise on the migrator's advisory lock and announce new versions with NOTIFY.</summary>
public class ImportConcurrencyTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task A_new_version_is_announced_to_listeners_at_commit()
    {
        await using var database = await ImportDatabase.CreateAsync();
        await using var listener = new NpgsqlConnection(database.ConnectionString);
        await listener.OpenAsync();
        var payloads = new List<string>();
        listener.Notification += (_, e) => payloads.Add($"{e.Channel}:{e.Payload}");
        await using (var listen = new NpgsqlCommand($"LISTEN {SeedImporter.NotifyChannel}", listener))
            await listen.ExecuteNonQueryAsync();

        await database.ImportValidAsync(SeedFixture.Valid());
        Assert.True(await listener.WaitAsync(Patience));
        Assert.Equal(["depin_data_version:1"], payloads);

        // An import that changes nothing announces nothing.
        await database.ImportValidAsync(SeedFixture.Valid());
        Assert.False(await listener.WaitAsync(TimeSpan.FromMilliseconds(500)));
        Assert.Single(payloads);
    }

    [Fact]
    public async Task Two_imports_started_at_once_create_one_version()
    {
        await using var database = await ImportDatabase.CreateAsync();
        var first = SeedFixture.Valid().Write();
        var second = SeedFixture.Valid().Write();

        var results = await Task.WhenAll(
            Task.Run(() => database.Importer.ImportAsync(first, CancellationToken.None)),
            Task.Run(() => database.Importer.ImportAsync(second, CancellationToken.None)));

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal([1], results.Select(r => r.DataVersion).OfType<int>());
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM data_versions"));
        Assert.Equal(2L, await database.ScalarAsync<long>("SELECT count(*) FROM revenue_figures"));
    }

    [Fact]
    public async Task Imports_wait_for_the_lock_and_say_so()
    {
        await using var database = await ImportDatabase.CreateAsync();
        await using var holder = new NpgsqlConnection(database.ConnectionString);
        await holder.OpenAsync();
        await Execute(holder, $"SELECT pg_advisory_lock({Migrator.AdvisoryLockKey})");

        var waiting = new[] { new TaskCompletionSource(), new TaskCompletionSource() };
        var imports = waiting.Select(w => Task.Run(() => database.Importer.ImportAsync(
            SeedFixture.Valid().Write(), _ => w.TrySetResult(), CancellationToken.None))).ToArray();

        // Both noticed the lock was taken, and neither finished while it was.
        await Task.WhenAll(waiting.Select(w => w.Task)).WaitAsync(Patience);
        Assert.DoesNotContain(imports, i => i.IsCompleted);
        Assert.Equal(0L, await database.ScalarAsync<long>("SELECT count(*) FROM data_versions"));

        await Execute(holder, $"SELECT pg_advisory_unlock({Migrator.AdvisoryLockKey})");
        var results = await Task.WhenAll(imports).WaitAsync(Patience);

        Assert.All(results, r =>
        {
            Assert.True(r.Succeeded);
            Assert.True(r.WaitedForLock);
            Assert.StartsWith("Waited ", Assert.Single(r.Notices));
        });
        Assert.Equal([1], results.Select(r => r.DataVersion).OfType<int>());
        Assert.Equal(1L, await database.ScalarAsync<long>("SELECT count(*) FROM data_versions"));
        var report = new StringWriter();
        results[0].WriteReport(report);
        Assert.StartsWith("Waited ", report.ToString());
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
