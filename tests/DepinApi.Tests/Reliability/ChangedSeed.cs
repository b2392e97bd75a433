using DepinApi.Tests.Import;

namespace DepinApi.Tests.Reliability;

/// <summary>
/// A second data set for the small fixture: it changes a source, a project and both revenue
/// figures, so importing it writes to several tables in turn, and a response that mixed the two
/// versions would show it (a project name from one, an amount from the other).
/// </summary>
public static class ChangedSeed
{
    public static SeedFixture Create() => SeedFixture.Valid()
        .Replace("sources.csv", "src-one,Example Press,", "src-one,Example Press Weekly,")
        .Replace("projects.csv", "helium,Helium,", "helium,Helium Network,")
        .Replace("revenue.csv", "helium,2025Q3,quarterly_revenue,851700,", "helium,2025Q3,quarterly_revenue,900000,")
        .Replace("revenue.csv", "Helium earned $851700 in Q3 2025.", "Helium earned $900000 in Q3 2025.")
        .Replace("revenue.csv", "akash,2025Q3,quarterly_revenue,1200000.50,", "akash,2025Q3,quarterly_revenue,1300000,")
        .Replace("revenue.csv", "Akash earned about $1,200,000.50 in Q3 2025.", "Akash earned about $1,300,000 in Q3 2025.");
}
