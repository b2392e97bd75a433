using Microsoft.Extensions.Options;

namespace DepinApi.Observability;

/// <summary>The Prometheus scrape endpoint: a listener of its own, apart from the public one.</summary>
public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    /// <summary>
    /// Where the scrape endpoint listens (<c>;</c>-separated URLs, as <c>--urls</c>); loopback by default, so only a
    /// collector on the same machine (or one the operator lets in) reads it. Empty: no listener and no Prometheus
    /// exporter.
    /// </summary>
    public string Urls { get; set; } = "http://127.0.0.1:9464";

    /// <summary>The scrape path on that listener.</summary>
    public string Path { get; set; } = "/metrics";

    public bool Enabled => !string.IsNullOrWhiteSpace(Urls);

    /// <summary>Refuses a path the scrape endpoint could never be asked at (Kestrel's paths start with '/').</summary>
    internal sealed class Validator : IValidateOptions<MetricsOptions>
    {
        public ValidateOptionsResult Validate(string? name, MetricsOptions options) =>
            options.Path.StartsWith('/')
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail($"{Section}:Path is '{options.Path}'; it must start with '/', e.g. /metrics.");
    }
}
