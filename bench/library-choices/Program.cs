using BenchmarkDotNet.Running;
using LibraryChoices;

// `dotnet run -c Release -- --filter '*' --job short` runs the BenchmarkDotNet comparisons;
// `dotnet run -c Release -- migrators` times the migrator against DbUp on a private Postgres cluster;
// `dotnet run -c Release -- validation-hit-rate` counts validations under a hot set with one-off documents, and
// `validation-hit-cost` times hits on both caches in alternating rounds;
// `dotnet run -c Release -- cursor-lengths` prints a cursor of each kind;
// See docs/dependencies.md.
return args switch
{
    ["migrators", ..] => await MigratorComparison.RunAsync(),
    ["validation-hit-rate", ..] => ValidationHitRate.Run(),
    ["validation-hit-cost", ..] => ValidationHitCost.Run(),
    ["cursor-lengths", ..] => CursorComparison.PrintLengths(),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(ValidationCacheComparison).Assembly).Run(args);
    return 0;
}
