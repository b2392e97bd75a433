using System.Runtime.CompilerServices;

// The window ledger's concurrency guarantees are tested directly, without HTTP in between.
[assembly: InternalsVisibleTo("DepinApi.Tests")]
