using Npgsql;

namespace DepinApi.Database;

/// <summary>
/// The SELECT-only role the web server works as. The migrator keeps it in step with the schema;
/// the server's connections either log in as a member of it or switch to it when they open.
/// </summary>
/// <remarks>
/// A role belongs to the whole cluster while grants belong to one database, so the role is
/// created once (whoever comes first wins; a concurrent creator is not an error) and the grants
/// are repeated in every database the migrator runs in. Granting after every migration run,
/// rather than in one numbered migration, also covers tables that later migrations add,
/// whichever owner applied them.
/// </remarks>
public static class ReaderRole
{
    /// <summary>The group role holding the read privileges; it cannot log in.</summary>
    public const string Name = "depin_reader";

    /// <summary>
    /// Creates the role if the cluster lacks it and grants it SELECT on every table of the
    /// <c>public</c> schema, now and (through default privileges) for tables the same owner adds later.
    /// Run by the owner, under the migrator's advisory lock so grants in one database never race.
    /// </summary>
    /// <remarks>
    /// Every role may create temporary tables by default (<c>TEMPORARY</c> is granted to <c>PUBLIC</c>): a write, if a
    /// private one, which the reader login needs no more than any other. The owner of the database revokes it; an owner
    /// login that is not gets Postgres' warning that nothing was revoked, and docs/security.md gives the SQL.
    /// </remarks>
    public static async Task EnsureGrantsAsync(NpgsqlConnection owner, CancellationToken cancellationToken)
    {
        await EnsureExistsAsync(owner, cancellationToken);
        await ExecuteAsync(owner, $"""
            GRANT USAGE ON SCHEMA public TO {Name};
            GRANT SELECT ON ALL TABLES IN SCHEMA public TO {Name};
            ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO {Name};
            REVOKE TEMPORARY ON DATABASE {EmbeddedPostgres.QuoteIdentifier(owner.Database)} FROM PUBLIC;
            """, cancellationToken);
    }

    /// <summary>Creates the role unless it exists, and lets the connected role switch to it.</summary>
    public static async Task EnsureExistsAsync(NpgsqlConnection owner, CancellationToken cancellationToken)
    {
        // Two databases of one cluster may be migrated at the same moment; the loser of the race
        // sees duplicate_object or, inside the catalog, unique_violation.
        await ExecuteAsync(owner, $"""
            DO $$
            BEGIN
                IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{Name}') THEN
                    BEGIN
                        CREATE ROLE {Name} NOLOGIN;
                    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                    END;
                END IF;
            END $$;
            """, cancellationToken);
        // A superuser may switch to any role; any other owner must be a member to SET ROLE.
        await using var member = new NpgsqlCommand($"SELECT pg_has_role(current_user, '{Name}', 'MEMBER')", owner);
        if (!(bool)(await member.ExecuteScalarAsync(cancellationToken))!)
            await ExecuteAsync(owner, $"GRANT {Name} TO CURRENT_USER", cancellationToken);
    }

    /// <summary>Makes <paramref name="login"/> a member of the role, unless it already is one; returns whether it granted.</summary>
    public static async Task<bool> GrantToAsync(NpgsqlConnection owner, string login, CancellationToken cancellationToken)
    {
        await using var member = new NpgsqlCommand($"SELECT pg_has_role($1, '{Name}', 'MEMBER')", owner);
        member.Parameters.AddWithValue(login);
        if ((bool)(await member.ExecuteScalarAsync(cancellationToken))!)
            return false;
        await ExecuteAsync(owner, $"GRANT {Name} TO {EmbeddedPostgres.QuoteIdentifier(login)}", cancellationToken);
        return true;
    }

    /// <summary>
    /// The owner's connection string changed so that every session starts as the reader role.
    /// Used when one connection string serves both purposes: the server still cannot write.
    /// </summary>
    /// <remarks>
    /// The role is a startup parameter, so <c>RESET ROLE</c> and <c>DISCARD ALL</c> return to it
    /// rather than to the owner.
    /// </remarks>
    public static string AssumedBy(string ownerConnectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(ownerConnectionString);
        var startAsReader = $"-c role={Name}";
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? startAsReader : builder.Options + " " + startAsReader;
        return builder.ConnectionString;
    }

    /// <summary>
    /// How a session of the connected login could leave the reader role, or null when it cannot: a superuser may
    /// <c>SET ROLE</c> to any role, and a member of a role that owns the tables (the owner itself included) may
    /// <c>SET ROLE</c> to it. A startup parameter (<see cref="AssumedBy"/>) only decides where a session starts.
    /// </summary>
    public static async Task<string?> EscapeRouteAsync(NpgsqlConnection reader, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            SELECT session_user::text,
                   r.rolsuper,
                   (SELECT string_agg(DISTINCT o.rolname::text, ', ' ORDER BY o.rolname::text)
                    FROM pg_class c
                    JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
                    JOIN pg_roles o ON o.oid = c.relowner
                    WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND pg_has_role(session_user, c.relowner, 'MEMBER'))
            FROM pg_roles r
            WHERE r.rolname = session_user
            """, reader);
        await using var row = await command.ExecuteReaderAsync(cancellationToken);
        if (!await row.ReadAsync(cancellationToken))
            return null;
        var login = row.GetString(0);
        if (row.GetBoolean(1))
            return $"The reader login {login} is a superuser: a reader session can SET ROLE to any role, the owner's included, and write.";
        if (!row.IsDBNull(2))
            return $"The reader login {login} can SET ROLE to {row.GetString(2)}, which owns the tables: a reader session can leave the read-only role and write.";
        return null;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
