using BenchmarkDotNet.Running;

// Runs the benchmarks chosen on the command line, e.g. `dotnet run -c Release -- --filter '*' --job short`;
// see docs/graphql-engine-performance.md.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
