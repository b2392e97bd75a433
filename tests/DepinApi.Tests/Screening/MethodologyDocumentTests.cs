using System.Globalization;
using System.Text.RegularExpressions;
using DepinApi.Screening;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.Screening;

/// <summary>docs/methodology.md says what the API does: its version, its weights and Helium's worked example.</summary>
public sealed partial class MethodologyDocumentTests(ScreeningApiFixture api) : IClassFixture<ScreeningApiFixture>
{
    private static readonly string Document = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "docs", "methodology.md"));

    [GeneratedRegex(@"Helium's composite: \*\*(?<value>\d+\.\d{2})\*\*")]
    private static partial Regex HeliumComposite();

    [GeneratedRegex(@"^\| [^|]+ \| `(?<id>[a-z_]+)` \| (?<weight>\d+) \|", RegexOptions.Multiline)]
    private static partial Regex WeightRow();

    [Fact]
    public async Task The_worked_example_gives_the_api_number_for_helium()
    {
        var documented = decimal.Parse(HeliumComposite().Match(Document).Groups["value"].Value, CultureInfo.InvariantCulture);
        var body = await api.GetJsonAsync("/v1/projects/helium/screening?asOf=1");
        Assert.Equal(documented, body.GetProperty("data").GetProperty("composite").GetDecimal());
        // The example's own arithmetic, redone as a reader would.
        Assert.Equal(documented, Math.Round((20 * 70.00m + 15 * 50.00m + 10 * 75.00m + 20 * 66.67m + 15 * 21.45m) / 80, 2,
            MidpointRounding.AwayFromZero));
    }

    [Fact]
    public void The_document_publishes_the_version_and_weights_in_force()
    {
        Assert.Contains($"Methodology version **{Methodology.Version}**", Document);
        var table = Document[Document.IndexOf("## Components and weights", StringComparison.Ordinal)..Document.IndexOf("### Settlement quality", StringComparison.Ordinal)];
        var rows = WeightRow().Matches(table).Select(m => (m.Groups["id"].Value, int.Parse(m.Groups["weight"].Value, CultureInfo.InvariantCulture)));
        Assert.Equal(Methodology.Components.Select(c => (c.Id, c.Weight)), rows);
    }
}
