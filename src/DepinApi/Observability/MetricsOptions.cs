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
}
