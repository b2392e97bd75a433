namespace DepinApi.Database;

/// <summary>
/// The two connection strings the service uses: <see cref="Reader"/> serves requests and can
/// only read; <see cref="Owner"/> migrates and imports.
/// </summary>
/// <param name="ReaderLogin">
/// The reader's own login when it differs from the owner's: start-up makes it a member of
/// <see cref="ReaderRole.Name"/>. Null when the reader is the owner's login switched to that role.
/// </param>
public sealed record DatabaseConnections(string Reader, string Owner, string? ReaderLogin = null)
{
    /// <summary>
    /// From the configured strings: a separate owner string makes <paramref name="reader"/> a login
    /// of its own; without one the owner's login serves, each session switched to the reader role.
    /// </summary>
    public static DatabaseConnections FromConfiguration(string reader, string? owner)
    {
        var readerUser = new Npgsql.NpgsqlConnectionStringBuilder(reader).Username;
        if (string.IsNullOrWhiteSpace(owner) || owner == reader ||
            (readerUser is not null && readerUser == new Npgsql.NpgsqlConnectionStringBuilder(owner).Username))
            return new DatabaseConnections(ReaderRole.AssumedBy(reader), reader);
        return new DatabaseConnections(reader, owner, readerUser);
    }
}
