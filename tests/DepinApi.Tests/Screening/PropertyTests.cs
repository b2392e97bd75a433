using DepinApi.Screening;

namespace DepinApi.Tests.Screening;

/// <summary>
/// Properties over many generated cases, from a fixed seed so a failure reproduces: monotonicity
/// of the settlement and momentum components, and the renormalisation of the composite.
/// </summary>
public class PropertyTests
{
    private const int Cases = 500;

    // Fractions with up to 5 decimals, as the schema stores shares.
    private static decimal Fraction(Random random) => random.Next(0, 100_001) / 100_000m;

    [Fact]
    public void Raising_the_stablecoin_share_never_lowers_settlement_quality()
    {
        var random = new Random(20260601);
        for (var i = 0; i < Cases; i++)
        {
            var a = Fraction(random);
            var b = Fraction(random);
            var (low, high) = a <= b ? (a, b) : (b, a);
            var lowScore = SettlementQuality.Score([Rows.Stable(low)]).Score!.Value;
            var highScore = SettlementQuality.Score([Rows.Stable(high)]).Score!.Value;
            Assert.True(lowScore <= highScore, $"share {low} scored {lowScore}, share {high} scored {highScore}");
            Assert.InRange(highScore, 0m, 100m);
        }
        // A label band never beats a stated share above its band, nor loses to one below it.
        Assert.True(SettlementQuality.Score([Rows.Label("mainly_native")]).Score <= SettlementQuality.Score([Rows.Stable(0.5m)]).Score);
        Assert.True(SettlementQuality.Score([Rows.Label("mainly_stablecoin")]).Score >= SettlementQuality.Score([Rows.Stable(0.5m)]).Score);
    }

    [Fact]
    public void Faster_revenue_growth_never_lowers_momentum()
    {
        var random = new Random(72_000_000);
        for (var i = 0; i < Cases; i++)
        {
            var earlier = random.Next(1, 1_000_000_000);
            var a = random.Next(0, 2_000_000_000);
            var b = random.Next(0, 2_000_000_000);
            var (slow, fast) = a <= b ? (a, b) : (b, a);
            var yearOnYear = random.Next(2) == 0;
            var (year, quarter) = yearOnYear ? (2024, 2) : (2025, 1);
            var slowScore = RevenueMomentum.Score(RevenueGrowth.Find([Rows.Revenue(year, quarter, earlier), Rows.Revenue(2025, 2, slow)])).Score!.Value;
            var fastScore = RevenueMomentum.Score(RevenueGrowth.Find([Rows.Revenue(year, quarter, earlier), Rows.Revenue(2025, 2, fast)])).Score!.Value;
            Assert.True(slowScore <= fastScore, $"from {earlier}: {slow} scored {slowScore}, {fast} scored {fastScore}");
            Assert.InRange(fastScore, 0m, 100m);
        }
    }

    [Fact]
    public void The_composite_is_the_weighted_mean_of_the_present_components_only()
    {
        var random = new Random(800_000_000);
        for (var i = 0; i < Cases; i++)
        {
            var components = Methodology.Components
                .Select(d => random.Next(4) == 0
                    ? new ComponentScore(d.Id, d.Name, d.Weight, null, "f", Coverage.None, false, "", [], ["x"])
                    : new ComponentScore(d.Id, d.Name, d.Weight, random.Next(0, 10_001) / 100m, "f", Coverage.Full, false, "", [], []))
                .ToList();
            var result = Composite.Combine(components);
            var present = components.Where(c => c.Score is not null).ToList();
            if (present.Count == 0)
            {
                Assert.Null(result.Score);
                continue;
            }
            decimal weight = present.Sum(c => c.Weight);
            var expected = Math.Round(present.Sum(c => c.Weight * c.Score!.Value) / weight, 2, MidpointRounding.AwayFromZero);
            Assert.Equal(expected, result.Score);
            Assert.Equal(weight / 100m, result.Coverage);
            Assert.Equal(components.Where(c => c.Score is null).Select(c => c.Id), result.Missing);
            // Within the range of the present scores: a missing component is never read as 0.
            Assert.InRange(result.Score!.Value, present.Min(c => c.Score!.Value), present.Max(c => c.Score!.Value));
            // Dropping a missing component changes nothing; scaling every weight would not either (renormalised).
            Assert.Equal(result.Score, Composite.Combine(present).Score);
        }
    }

    [Fact]
    public void The_same_rows_give_the_same_scores_to_the_last_digit()
    {
        var random = new Random(4242);
        for (var i = 0; i < 50; i++)
        {
            var data = Rows.Data(settlement: [Rows.Stable(Fraction(random))],
                revenue: [Rows.Revenue(2025, 1, random.Next(1, 1000)), Rows.Revenue(2025, 2, random.Next(1, 1000))],
                prices: [Rows.Change(-Fraction(random))]);
            var first = ScreeningCalculator.Screen(data);
            var again = ScreeningCalculator.Screen(data with { Revenue = data.Revenue.Reverse().ToList() });
            Assert.Equal(first.Composite, again.Composite);
            Assert.Equal(first.Components.Select(c => c.Score), again.Components.Select(c => c.Score));
        }
    }
}
