using System.Globalization;

namespace RateLimitSoak;

/// <summary>What the soak does; every number can be set on the command line (--name value).</summary>
internal sealed record SoakSettings
{
    /// <summary>Seconds of load. A multiple of <see cref="WindowSeconds"/>, so every window a client opens is a whole one.</summary>
    public int DurationSeconds { get; init; } = 120;

    /// <summary>The server's rate-limit window.</summary>
    public int WindowSeconds { get; init; } = 20;

    /// <summary>The server's anonymous budget per window.</summary>
    public int PointsPerWindow { get; init; } = 100;

    /// <summary>The server's concurrency limit per client; the soak keeps fewer requests than this in flight per client.</summary>
    public int ConcurrentRequests { get; init; } = 8;

    /// <summary>Client addresses presented in X-Forwarded-For.</summary>
    public int Clients { get; init; } = 50;

    /// <summary>Each client offers this many times its allowed rate.</summary>
    public double Overload { get; init; } = 3;

    /// <summary>Requests each client keeps in flight.</summary>
    public int InFlightPerClient { get; init; } = 2;

    /// <summary>The admitted rate may differ from the configured one by this fraction.</summary>
    public double Tolerance { get; init; } = 0.05;

    /// <summary>The endpoint loaded: any rate-limited GET that answers 200.</summary>
    public string Path { get; init; } = "/v1/meta";

    /// <summary>Largest accepted growth of the server's resident memory over the run.</summary>
    public int MaxRssGrowthMb { get; init; } = 150;

    /// <summary>The server's port; 0 picks a free one, so a server someone else runs on loopback is never measured instead.</summary>
    public int Port { get; init; }

    /// <summary>The private database cluster's port; 0 picks a free one.</summary>
    public int PostgresPort { get; init; }

    /// <summary>A DepinApi.dll already built; otherwise the soak builds src/DepinApi in Release.</summary>
    public string? ServerDll { get; init; }

    /// <summary>More server settings, as environment variables (e.g. Benchmarking__Enabled=true).</summary>
    public IReadOnlyDictionary<string, string> ServerSettings { get; init; } = new Dictionary<string, string>();

    public double AllowedPerSecond => (double)PointsPerWindow / WindowSeconds;

    public static SoakSettings Parse(string[] args)
    {
        var settings = new SoakSettings();
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length)
                throw new ArgumentException($"{args[i]} needs a value.");
            var value = args[i + 1];
            settings = args[i] switch
            {
                "--duration" => settings with { DurationSeconds = Int(value) },
                "--window" => settings with { WindowSeconds = Int(value) },
                "--points" => settings with { PointsPerWindow = Int(value) },
                "--concurrency" => settings with { ConcurrentRequests = Int(value) },
                "--clients" => settings with { Clients = Int(value) },
                "--overload" => settings with { Overload = double.Parse(value, CultureInfo.InvariantCulture) },
                "--in-flight" => settings with { InFlightPerClient = Int(value) },
                "--tolerance" => settings with { Tolerance = double.Parse(value, CultureInfo.InvariantCulture) },
                "--path" => settings with { Path = value },
                "--max-rss-growth-mb" => settings with { MaxRssGrowthMb = Int(value) },
                "--port" => settings with { Port = Int(value) },
                "--pg-port" => settings with { PostgresPort = Int(value) },
                "--server-dll" => settings with { ServerDll = value },
                "--set" when value.Split('=', 2) is [var key, var setting] && key.Length > 0 =>
                    settings with { ServerSettings = new Dictionary<string, string>(settings.ServerSettings) { [key] = setting } },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
        }
        if (settings.DurationSeconds % settings.WindowSeconds != 0)
            throw new ArgumentException("--duration must be a multiple of --window, so each client's windows are whole.");
        if (settings.InFlightPerClient >= settings.ConcurrentRequests)
            throw new ArgumentException("--in-flight must stay below --concurrency: the soak measures the point budget.");
        return settings;
    }

    private static int Int(string value) => int.Parse(value, CultureInfo.InvariantCulture);
}
