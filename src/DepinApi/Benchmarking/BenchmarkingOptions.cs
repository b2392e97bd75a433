namespace DepinApi.Benchmarking;

/// <summary>
/// Switches for load measurement. Everything here is off by default, so a normal deployment
/// exposes nothing beyond the API itself.
/// </summary>
public sealed class BenchmarkingOptions
{
    public const string Section = "Benchmarking";

    /// <summary>
    /// Maps <see cref="BenchmarkEndpoints.CeilingPath"/>. The load harness turns it on to learn
    /// how many requests per second this host can answer at all, which every other figure is
    /// compared with.
    /// </summary>
    public bool Enabled { get; set; }
}
