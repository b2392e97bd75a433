using System.Text;

namespace DepinApi.Benchmarking;

/// <summary>
/// The benchmark-only "ceiling" endpoint: a fixed 1 KB JSON body that touches neither the
/// database nor any serializer, answered through the same pipeline as every other request.
/// Its requests per second are the most this server can do on the host, so the other
/// scenarios are reported as a share of it.
/// </summary>
public static class BenchmarkEndpoints
{
    public const string CeilingPath = "/bench/ceiling";

    /// <summary>The size of the ceiling's body in bytes.</summary>
    public const int BodySize = 1024;

    // Built once: the point is to measure the pipeline, not the making of the body.
    private static readonly byte[] CeilingBody = BuildBody();

    /// <summary>
    /// Maps the ceiling endpoint when <c>Benchmarking:Enabled</c> is true; otherwise maps
    /// nothing, so the path is an ordinary 404.
    /// </summary>
    public static WebApplication MapBenchmarkEndpoints(this WebApplication app)
    {
        var options = app.Configuration.GetSection(BenchmarkingOptions.Section).Get<BenchmarkingOptions>() ?? new BenchmarkingOptions();
        if (!options.Enabled)
            return app;
        app.MapGet(CeilingPath, Ceiling).ExcludeFromDescription();
        return app;
    }

    private static IResult Ceiling() => TypedResults.Bytes(CeilingBody, "application/json");

    private static byte[] BuildBody()
    {
        const string head = "{\"ceiling\":true,\"padding\":\"";
        const string tail = "\"}";
        var body = head + new string('x', BodySize - head.Length - tail.Length) + tail;
        return Encoding.ASCII.GetBytes(body);
    }
}
