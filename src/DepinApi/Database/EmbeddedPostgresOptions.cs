namespace DepinApi.Database;

/// <summary>Where and how the private cluster runs when no connection string is configured.</summary>
public sealed class EmbeddedPostgresOptions
{
    public const string Section = "Database:Embedded";

    /// <summary>The cluster's data directory; the password and port files sit beside it.</summary>
    public string DataDirectory { get; set; } = ".data/pg";

    /// <summary>A fixed port; null picks a free one on first start and keeps it for reuse.</summary>
    public int? Port { get; set; }

    /// <summary>Folder holding initdb and pg_ctl; null searches PATH and /usr/lib/postgresql/*/bin.</summary>
    public string? BinDirectory { get; set; }

    public int MaxConnections { get; set; } = 100;

    /// <summary>fsync on; a throwaway test cluster turns it off for speed.</summary>
    public bool Durable { get; set; } = true;

    /// <summary>Stop the server when this process ends, unless another process still has a session in it (the last one out stops it).</summary>
    public bool StopOnDispose { get; set; } = true;
}
