namespace DepinApi.Database;

/// <summary>
/// The two connection strings the service uses: <see cref="Reader"/> serves requests,
/// <see cref="Owner"/> migrates and imports.
/// </summary>
public sealed record DatabaseConnections(string Reader, string Owner);
