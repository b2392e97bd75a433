using System.Text;

namespace DepinApi.Tests.Import;

/// <summary>
/// A small, valid set of seed files built in code, changed per test and written to a temporary
/// folder. Line numbers matter to the tests: every record is on the line its comment says.
/// </summary>
public sealed class SeedFixture
{
    private readonly Dictionary<string, byte[]> files = new(StringComparer.Ordinal);
    // An article of null is written as the fixture's quotes as they stand when it is written, so every figure's quote
    // occurs in it, as the importer requires; a test that needs another text sets one.
    private readonly Dictionary<string, string?> sourceFiles = new(StringComparer.Ordinal) { ["one.txt"] = null, ["two.txt"] = null };
    private readonly Dictionary<string, byte[]> appendedToSourceFiles = new(StringComparer.Ordinal);

    public static SeedFixture Valid()
    {
        var fixture = new SeedFixture();
        fixture.Set("sources.csv", """
            id,publisher,title,published_on,published_label,kind,seed_file,url
            src-one,Example Press,"DePIN revenue, quarter by quarter",2026-06-01,2026-06-01,press,one.txt,https://example.com/one
            src-two,Example Research,Compute networks,,early 2026,third_party_estimate,two.txt,

            """);
        fixture.Set("projects.csv", """
            slug,name,sector,sub_track,token_symbol,chain,website,description
            helium,Helium,wireless,Mobile Network,HNT,Solana,https://www.helium.com,Decentralized wireless network.
            akash,Akash Network,compute,Cloud Computing,AKT,Akash,,"Decentralized cloud: containers, GPUs."

            """);
        fixture.Set("revenue.csv", """
            id,project,quarter,metric,amount_usd,basis,qualifier,source,quote
            helium-2025q3-revenue,helium,2025Q3,quarterly_revenue,851700,disclosed,,src-one,Helium earned $851700 in Q3 2025.
            akash-2025q3-revenue,akash,2025Q3,quarterly_revenue,1200000.50,estimate,about,src-two,"Akash earned about $1,200,000.50 in Q3 2025."

            """);
        fixture.Set("settlement_mix.csv", """
            id,project,as_of,stablecoin_share,native_share,label,basis,qualifier,source,quote
            helium-2026-06-01-mix,helium,2026-06-01,0.70,0.30,,estimate,about,src-one,Helium settles about 70% in stablecoins and 30% in HNT.
            akash-2026-06-01-mix,akash,2026-06-01,,,mainly_native,estimate,,src-one,Akash mainly settles in native tokens.

            """);
        fixture.Set("token_prices.csv", """
            id,project,token_symbol,date,price_usd,change_30d,change_90d,change_1y,qualifier,source,quote
            helium-2026-06-01-price,helium,HNT,2026-06-01,0.7277,,,-0.7855,,src-one,"HNT is $0.7277, down 78.55% over the year."
            akash-2026-06-01-change-90d,akash,AKT,2026-06-01,,,1.20,,over,src-two,AKT rose over 120% in 90 days.

            """);
        // The first figure's quote spans lines 2 and 3, so the second figure is on line 4.
        fixture.Set("network_metrics.csv", """
            id,project,period,metric,value,value_max,unit,basis,qualifier,source,quote
            akash-2025-gpu-containers,akash,2025-01/2025-09,gpu_containers,300,400,count,disclosed,range,src-two,"Akash ran 300 to 400 ""GPU"" containers.
            Second line of the quote."
            helium-2025q3-active-nodes,helium,2025Q3,active_nodes,400000,,count,disclosed,over,src-one,Helium has over 400000 nodes.

            """);
        fixture.Set("sector_figures.csv", """
            id,scope,period,metric,value,value_max,unit,basis,qualifier,source,quote
            depin-2025-revenue,depin,2025,annualized_external_revenue,800000000,,usd,estimate,over,src-one,DePIN surpassed $800 million.
            depin-compute-2026-06-01-utilization,depin_compute,2026-06-01,gpu_utilization,0.85,,fraction,estimate,,src-two,Utilization was 85%.

            """);
        fixture.Set("evidence.csv", """
            id,project,kind,label,period,basis,source,quote
            helium-2026-06-01-burn-linkage,helium,burn_linkage,usage_burns,2026-06-01,estimate,src-one,Usage burns HNT.
            helium-2026-external-demand,helium,external_demand,independent_of_token,2026,estimate,src-two,"Buyers pay for airtime, not the token."

            """);
        return fixture;
    }

    public IReadOnlyCollection<string> FileNames => files.Keys;

    public SeedFixture Set(string file, string text) => SetBytes(file, Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\n")));

    public SeedFixture SetBytes(string file, byte[] bytes)
    {
        files[file] = bytes;
        return this;
    }

    public string Text(string file) => Encoding.UTF8.GetString(files[file]);

    public byte[] Bytes(string file) => files[file];

    /// <summary>Replaces the one occurrence of <paramref name="find"/>; fails when it is not there exactly once.</summary>
    public SeedFixture Replace(string file, string find, string replacement)
    {
        var text = Text(file);
        var at = text.IndexOf(find, StringComparison.Ordinal);
        if (at < 0 || text.IndexOf(find, at + 1, StringComparison.Ordinal) >= 0)
            throw new InvalidOperationException($"'{find}' must occur exactly once in {file}.");
        return Set(file, text[..at] + replacement + text[(at + find.Length)..]);
    }

    public SeedFixture Remove(string file)
    {
        files.Remove(file);
        return this;
    }

    public SeedFixture SetSourceFile(string name, string text)
    {
        sourceFiles[name] = text;
        return this;
    }

    /// <summary>Bytes written after an article's text, as they are: a byte of another encoding, say.</summary>
    /// <summary>Writes each generated article out as it stands, so that a quote changed afterwards is read against it.</summary>
    public SeedFixture FreezeSourceFiles()
    {
        foreach (var name in sourceFiles.Where(f => f.Value is null).Select(f => f.Key).ToList())
            sourceFiles[name] = Path.GetFileNameWithoutExtension(name) + "\n" + Quotes();
        return this;
    }

    public SeedFixture AppendToSourceFile(string name, byte[] bytes)
    {
        appendedToSourceFiles[name] = bytes;
        return this;
    }

    public SeedFixture RemoveSourceFile(string name)
    {
        sourceFiles.Remove(name);
        return this;
    }

    /// <summary>Writes the files to a new temporary folder and returns its path.</summary>
    public string Write()
    {
        var directory = Path.Combine(Path.GetTempPath(), "depin-seed-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Path.Combine(directory, "sources"));
        foreach (var (name, bytes) in files)
            File.WriteAllBytes(Path.Combine(directory, name), bytes);
        foreach (var (name, text) in sourceFiles)
            File.WriteAllBytes(Path.Combine(directory, "sources", name),
            [
                .. Encoding.UTF8.GetBytes(text ?? Path.GetFileNameWithoutExtension(name) + "\n" + Quotes()),
                .. appendedToSourceFiles.GetValueOrDefault(name) ?? [],
            ]);
        return directory;
    }

    // Every quote of every file, one a line, read as the importer reads CSV.
    private string Quotes() => string.Join("\n", files
        .Where(f => f.Key.EndsWith(".csv", StringComparison.Ordinal))
        .SelectMany(f =>
        {
            var records = DepinApi.Import.CsvReader.Read(Encoding.UTF8.GetString(f.Value), f.Key).Records;
            var quote = records.Count == 0 ? -1 : records[0].Fields.ToList().FindIndex(h => h.Value == "quote");
            return quote < 0 ? [] : records.Skip(1).Where(r => quote < r.Fields.Count).Select(r => r.Fields[quote].Value);
        }));
}
