using System.Text.Json;

namespace GraphQLEngine.Limits;

/// <summary>Reads the integers a page size or cost may arrive as (CLR numbers from code, JSON numbers from HTTP).</summary>
internal static class IntegerValues
{
    /// <summary>The value as a whole number, negatives as 0; null when it is not a whole number.</summary>
    public static long? ToNonNegativeInteger(object? value)
    {
        long? whole = value switch
        {
            int i => i,
            long l => l,
            short s => s,
            byte b => b,
            uint u => u,
            ulong ul => ul > long.MaxValue ? long.MaxValue : (long)ul,
            double d when double.IsFinite(d) && Math.Floor(d) == d => d >= long.MaxValue ? long.MaxValue : (long)d,
            decimal m when decimal.Truncate(m) == m => m >= long.MaxValue ? long.MaxValue : (long)m,
            JsonElement { ValueKind: JsonValueKind.Number } e when e.TryGetInt64(out var fromJson) => fromJson,
            // 5e1 and 100.0 are whole numbers that Int coercion accepts; JSON's reader gives them only as a double.
            JsonElement { ValueKind: JsonValueKind.Number } e when e.TryGetDouble(out var real) => ToNonNegativeInteger(real),
            _ => null,
        };
        return whole is < 0 ? 0 : whole;
    }
}
