using Npgsql;

namespace DepinApi.Database;

/// <summary>
/// What a migration refused for a missing privilege (42501) tells the operator: which privilege the owner login lacks
/// and the SQL an administrator runs to grant it. Postgres says only "permission denied to create role", after the
/// migrations before it were committed, and the owner of a database of one's own is rarely a superuser.
/// docs/security.md, "Your own Postgres", gives the whole set-up.
/// </summary>
public static class OwnerPrivileges
{
    public static string Explain(PostgresException e, string owner, string database, Migration? failed)
    {
        var where = failed is null
            ? "The reader role's grants were not made"
            : $"Migration {failed.Name} was not applied (rolled back; those before it are applied)";
        var login = EmbeddedPostgres.QuoteIdentifier(owner);
        var (lacks, grant) = e.MessageText switch
        {
            var m when m.Contains("create role", StringComparison.Ordinal) =>
                ("may not create roles, and the role " + ReaderRole.Name + " does not exist yet",
                 $"CREATE ROLE {ReaderRole.Name} NOLOGIN; GRANT {ReaderRole.Name} TO {login} WITH ADMIN OPTION;"),
            var m when m.Contains("admin option", StringComparison.Ordinal) || m.Contains("grant role", StringComparison.Ordinal) =>
                ($"may not grant the role {ReaderRole.Name} (it needs ADMIN OPTION on it)",
                 $"GRANT {ReaderRole.Name} TO {login} WITH ADMIN OPTION;"),
            var m when m.Contains("schema public", StringComparison.Ordinal) =>
                ("does not own the schema public", $"ALTER SCHEMA public OWNER TO {login};"),
            _ => ("lacks a privilege the migration needs", $"ALTER DATABASE {EmbeddedPostgres.QuoteIdentifier(database)} OWNER TO {login};"),
        };
        return $"{where}: the owner login {owner} {lacks} ({e.MessageText}). An administrator runs, in the database "
               + $"{database}: {grant} Then run migrate again. What each login needs: docs/security.md, \"Your own Postgres\".";
    }
}
