using System.Globalization;
using System.Text;
using DepinApi.Tests.Import;
using DepinApi.Tests.ReadModel;

namespace DepinApi.Tests.Screening;

/// <summary>
/// A database with a long SYNTHETIC daily price series, made here for the test and never part of
/// seed-data: the small valid seed set, with akash's prices replaced by <c>days</c> generated
/// days ending 2026-06-01. Every generated quote says it is synthetic.
/// </summary>
internal static class LongSeries
{
    public static readonly DateOnly LastDay = new(2026, 6, 1);

    public static async Task<ReadModelDatabase> CreateAsync(int days)
    {
        var database = await ReadModelDatabase.CreateAsync();
        await database.ImportAsync(SeedFixture.Valid().Set("token_prices.csv", Csv(days)));
        return database;
    }

    // Every seventh day before the last (day 0) states the price and a 1-year change; the others
    // the price alone. The newest days hold the cases the selection rules must tell apart, the
    // same for any length: day 1 a change without a price (with an "over" twin, which an exact
    // figure beats), day 3 two rows with price and change (the smaller id wins).
    private static string Csv(int days)
    {
        var csv = new StringBuilder("id,project,token_symbol,date,price_usd,change_30d,change_90d,change_1y,qualifier,source,quote\n");
        csv.Append("helium-2026-06-01-price,helium,HNT,2026-06-01,0.7277,,,-0.7855,,src-one,\"HNT is $0.7277, down 78.55% over the year.\"\n");
        for (var i = 0; i < days; i++)
        {
            var day = LastDay.AddDays(-i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var price = (1m + i % 97 / 100m).ToString(CultureInfo.InvariantCulture);
            var change = i % 7 == 0 && i > 0 ? ((i % 50 - 25) / 100m).ToString(CultureInfo.InvariantCulture) : "";
            if (i == 1)
            {
                Row(csv, $"akash-synthetic-{day}-change", day, "", "0.31", "");
                Row(csv, $"akash-synthetic-{day}-change-over", day, "", "0.30", "over");
                continue;
            }
            if (i == 3)
            {
                Row(csv, $"akash-synthetic-{day}-b", day, "1.50", "0.20", "");
                change = "0.25";
            }
            Row(csv, $"akash-synthetic-{day}-a", day, price, change, "");
        }
        return csv.ToString();
    }

    // The quote states the row's numbers, as the importer requires of every figure.
    private static void Row(StringBuilder csv, string id, string day, string price, string change, string qualifier)
    {
        var stated = string.Join(", ", new[]
        {
            price.Length == 0 ? "" : "$" + price,
            change.Length == 0 ? "" : (decimal.Parse(change, CultureInfo.InvariantCulture) * 100).ToString(CultureInfo.InvariantCulture) + "% over a year",
        }.Where(s => s.Length > 0));
        csv.Append(CultureInfo.InvariantCulture,
            $"{id},akash,AKT,{day},{price},,,{change},{qualifier},src-two,\"SYNTHETIC test figure, not a real price: {stated}.\"\n");
    }
}
