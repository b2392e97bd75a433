using NpgsqlTypes;

namespace DepinApi.Import;

/// <summary>The Postgres types the seed tables use; each maps to one CLR type, compared by value.</summary>
internal enum DbType
{
    Text,      // string
    Numeric,   // decimal
    Date,      // DateOnly
    SmallInt,  // short
}

/// <summary>A column of a seed table that an import writes.</summary>
internal sealed record DbColumn(string Name, DbType Type)
{
    public NpgsqlDbType NpgsqlType => Type switch
    {
        DbType.Text => NpgsqlDbType.Text,
        DbType.Numeric => NpgsqlDbType.Numeric,
        DbType.Date => NpgsqlDbType.Date,
        DbType.SmallInt => NpgsqlDbType.Smallint,
        _ => throw new ArgumentOutOfRangeException(nameof(Type)),
    };
}
