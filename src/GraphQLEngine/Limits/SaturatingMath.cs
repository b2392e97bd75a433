namespace GraphQLEngine.Limits;

/// <summary>
/// Non-negative arithmetic that stops at <see cref="long.MaxValue"/>: fragments spread inside fragments can request
/// more nodes than a long holds, and such a query must be rejected, not wrap around to a small cost.
/// </summary>
internal static class SaturatingMath
{
    public static long Add(long a, long b) => a > long.MaxValue - b ? long.MaxValue : a + b;

    public static long Multiply(long a, long b)
    {
        if (a == 0 || b == 0) return 0;
        return a > long.MaxValue / b ? long.MaxValue : a * b;
    }
}
