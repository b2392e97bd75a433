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
    /// From the configured strings: an owner string with a login of its own makes <paramref name="reader"/> a login
    /// of its own. When the reader logs in as the owner (no owner string, or the same login, perhaps on another
    /// host such as a standby), each reader session is switched to the reader role; migrations and imports still
    /// go where the owner string points.
    /// </summary>
    public static DatabaseConnections FromConfiguration(string reader, string? owner)
    {
        if (string.IsNullOrWhiteSpace(owner))
            return new DatabaseConnections(ReaderRole.AssumedBy(reader), reader);
        var readerUser = new Npgsql.NpgsqlConnectionStringBuilder(reader).Username;
        if (owner == reader || (readerUser is not null && readerUser == new Npgsql.NpgsqlConnectionStringBuilder(owner).Username))
            return new DatabaseConnections(ReaderRole.AssumedBy(reader), owner);
        return new DatabaseConnections(reader, owner, readerUser);
    }
}
