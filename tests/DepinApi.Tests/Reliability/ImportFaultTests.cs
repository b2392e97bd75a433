using DepinApi.Tests.Import;

namespace DepinApi.Tests.Reliability;

/// <summary>
/// The <c>import</c> verb run as a real process against a database that already holds version 1:
/// killed with SIGKILL inside its transaction, and run twice at once.
/// </summary>
public sealed class ImportFaultTests
{
    private const string WaitMessage = "Another import or a migration is running; waiting for it to finish.";

    [Fact]
    public async Task An_import_killed_mid_transaction_leaves_the_previous_version_whole()
    {
        await using var database = await ImportDatabase.CreateAsync();
        await database.ImportValidAsync(SeedFixture.Valid());
        var before = await database.SnapshotAsync();

        StalledImport stalled;
        await using (var stall = await ImportStall.HoldAsync(database.ConnectionString))
        await using (var import = DepinApiProcess.StartImport(database.ConnectionString, ChangedSeed.Create().Write(), "depin-import-killed"))
        {
            stalled = await stall.WaitForStalledImportAsync("depin-import-killed");
            import.Kill();
            Assert.NotEqual(0, await import.WaitForExitAsync());
            Assert.DoesNotContain("Imported data version", import.Output);
            // Postgres finds the client gone once the lock lets the backend go on; it then rolls back.
            await stall.ReleaseAsync();
        }
        await Poll.UntilAsync(
            async () => await database.ScalarAsync<long>("SELECT count(*) FROM pg_stat_activity WHERE pid = $1", stalled.BackendPid) == 0,
            "the killed import's backend to end");

        Assert.Equal(new[] { 1 }, await VersionsAsync(database));
        DatabaseSnapshot.AssertSame(before, await database.SnapshotAsync());
        Assert.Equal(0L, await AdvisoryLocksAsync(database));

        await using var retry = DepinApiProcess.StartImport(database.ConnectionString, ChangedSeed.Create().Write(), "depin-import-retry");
        Assert.True(await retry.WaitForExitAsync() == 0, retry.Transcript);
        Assert.Contains("Imported data version 2.", retry.Output);
        Assert.Equal(new[] { 1, 2 }, await VersionsAsync(database));
        await AssertSameAsImportedInProcessAsync(database);
    }

    [Fact]
    public async Task An_import_stopped_with_SIGTERM_mid_transaction_rolls_back_says_so_and_exits_as_interrupted()
    {
        await using var database = await ImportDatabase.CreateAsync();
        await database.ImportValidAsync(SeedFixture.Valid());
        var before = await database.SnapshotAsync();

        await using (var stall = await ImportStall.HoldAsync(database.ConnectionString))
        await using (var import = DepinApiProcess.StartImport(database.ConnectionString, ChangedSeed.Create().Write(), "depin-import-terminated"))
        {
            await stall.WaitForStalledImportAsync("depin-import-terminated");
            import.Terminate();
            // The statement waiting on the stall is cancelled in Postgres: the process ends without the stall's release.
            Assert.True(await import.WaitForExitAsync() == DepinApi.Hosting.CommandLine.Interrupted, import.Transcript);
            Assert.Contains("Interrupted; nothing was imported (the database is as it was).", import.Error);
            Assert.DoesNotContain("Unhandled exception", import.Error);
        }

        Assert.Equal(new[] { 1 }, await VersionsAsync(database));
        DatabaseSnapshot.AssertSame(before, await database.SnapshotAsync());
        Assert.Equal(0L, await AdvisoryLocksAsync(database));
    }

    [Fact]
    public async Task Two_import_processes_at_once_serialise_and_the_waiting_one_says_so()
    {
        await using var database = await ImportDatabase.CreateAsync();
        await database.ImportValidAsync(SeedFixture.Valid());

        string[] names = ["depin-import-a", "depin-import-b"];
        await using var first = DepinApiProcess.StartImport(database.ConnectionString, ChangedSeed.Create().Write(), names[0]);
        await using var second = DepinApiProcess.StartImport(database.ConnectionString, ChangedSeed.Create().Write(), names[1]);
        var imports = new Dictionary<string, DepinApiProcess> { [names[0]] = first, [names[1]] = second };

        string stalledName, waitingName;
        await using (var stall = await ImportStall.HoldAsync(database.ConnectionString))
        {
            // Whichever gets the lock first stops inside its transaction; the other must then be waiting for it.
            stalledName = (await stall.WaitForStalledImportAsync(names)).ApplicationName;
            waitingName = names.Single(n => n != stalledName);
            await stall.WaitForLockWaiterAsync(waitingName);
            Assert.False(first.HasExited || second.HasExited);
        }

        foreach (var (name, import) in imports)
            Assert.True(await import.WaitForExitAsync() == 0, $"{name}:\n{import.Transcript}");
        var (stalled, waiting) = (imports[stalledName], imports[waitingName]);
        Assert.Contains("Imported data version 2.", stalled.Output);
        // The first may have waited too, for the other's migration step; the second certainly waited for the first's import.
        Assert.Contains(WaitMessage, waiting.Error);
        Assert.Contains("Nothing changed; no new data version.", waiting.Output);

        Assert.Equal(new[] { 1, 2 }, await VersionsAsync(database));
        Assert.Equal(0L, await AdvisoryLocksAsync(database));
        await AssertSameAsImportedInProcessAsync(database);
    }

    private static async Task<int[]> VersionsAsync(ImportDatabase database) =>
        await database.ScalarAsync<int[]>("SELECT coalesce(array_agg(id ORDER BY id), '{}') FROM data_versions");

    // Advisory locks carry the database they were taken in; other tests' databases share the cluster.
    private static Task<long> AdvisoryLocksAsync(ImportDatabase database) => database.ScalarAsync<long>(
        "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database())");

    /// <summary>
    /// Every table holds exactly what two clean in-process imports (version 1, then the changed set)
    /// write into a fresh database; data_versions differs only in timestamps and folder names.
    /// </summary>
    private static async Task AssertSameAsImportedInProcessAsync(ImportDatabase database)
    {
        await using var reference = await ImportDatabase.CreateAsync();
        await reference.ImportValidAsync(SeedFixture.Valid());
        await reference.ImportValidAsync(ChangedSeed.Create());
        DatabaseSnapshot.AssertSame(
            (await reference.SnapshotAsync()).Without("data_versions"),
            (await database.SnapshotAsync()).Without("data_versions"));
        const string summaries = "SELECT string_agg(id || ' ' || summary::text, chr(10) ORDER BY id) FROM data_versions";
        Assert.Equal(await reference.ScalarAsync<string>(summaries), await database.ScalarAsync<string>(summaries));
    }
}
