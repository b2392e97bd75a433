namespace GraphQLEngine.Limits;

/// <summary>
/// The arithmetic of one operation's cost, measured against the maximum: exact while it can matter, and no longer
/// multiplying a part of the cost once that part alone is over the maximum.
/// </summary>
/// <remarks>
/// <para>
/// A chain of fragments that each spread the next two costs, at every link, the next two links together, so 320 links
/// ask for more nodes than a <see cref="long"/> holds. Past the maximum the verdict cannot change, so a part over the
/// maximum is not multiplied (by a page of 2 or more), nor added to another part over the maximum: the result is the
/// larger part, a lower bound that is still over the maximum. Adding a part within the maximum to one over it stays
/// exact, so an ordinary refusal (<c>projects(first: 100)</c> and what its nodes cost) reports its exact cost; each
/// such sum adds at most the maximum, so the numbers stay near it. Multiplying by 0 still gives 0 (a page of
/// <c>first: 0</c> returns none of what is below it), and by 1 the part itself.
/// </para>
/// <para>
/// A cost within the maximum is therefore exact. A cost over it is exact unless <see cref="Stopped"/>, when it is
/// a lower bound: what was counted when counting stopped.
/// </para>
/// </remarks>
internal sealed class CostCounter(long maximum)
{
    /// <summary>A counter for an operation with no maximum cost: exact until a <see cref="long"/> saturates.</summary>
    public static CostCounter Unlimited() => new(long.MaxValue);

    /// <summary>Some count was left short of the true one: a cost over the maximum is then a lower bound.</summary>
    public bool Stopped { get; private set; }

    public long Add(long a, long b)
    {
        if (a > maximum && b > maximum) return Bound(Math.Max(a, b));
        return Checked(SaturatingMath.Add(a, b));
    }

    public long Multiply(long a, long b)
    {
        if (a == 0 || b == 0) return 0;
        if ((a > maximum && b > 1) || (b > maximum && a > 1)) return Bound(Math.Max(a, b));
        return Checked(SaturatingMath.Multiply(a, b));
    }

    /// <summary>A cost counted elsewhere only as far as <paramref name="lowerBound"/>, which is over the maximum.</summary>
    public long AtLeast(long lowerBound) => Bound(lowerBound);

    private long Bound(long lowerBound)
    {
        Stopped = true;
        return lowerBound;
    }

    // Without a maximum (or with one near long.MaxValue) a count can still saturate: it is then a lower bound too.
    private long Checked(long value)
    {
        if (value == long.MaxValue) Stopped = true;
        return value;
    }
}
