using DepinApi.Rest.Infrastructure;

namespace DepinApi.Tests.Rest;

/// <summary>The one "did you mean" rule (slugs, source ids, query parameters): a prefix either way, or a few edits.</summary>
public class NearestNamesTests
{
    private static readonly string[] Sources = ["gate-2026-06-01", "aerioxflux-2026-05-09", "blockeden-early-2026"];
    private static readonly string[] Slugs = ["helium", "akash", "hivemapper", "filecoin", "render", "aethir", "io-net"];

    [Theory]
    [InlineData("gate", "gate-2026-06-01")]
    [InlineData("gate-2026", "gate-2026-06-01")]
    [InlineData("blockeden", "blockeden-early-2026")]
    [InlineData("blockeden-early-2025", "blockeden-early-2026")]
    public void A_unique_prefix_suggests_its_completion(string id, string nearest) =>
        Assert.Equal(nearest, NearestNames.Nearest(id, Sources));

    [Theory]
    [InlineData("aethir/revenue", "aethir")]
    [InlineData("helium-network", "helium")]
    [InlineData("io", "io-net")]
    [InlineData("file", "filecoin")]
    [InlineData("heliun", "helium")]
    public void A_name_that_begins_a_slug_or_a_slug_it_begins_is_near(string name, string nearest) =>
        Assert.Equal(nearest, NearestNames.Nearest(name, Slugs));

    [Theory]
    [InlineData("h")]
    [InlineData("heliumnetwork-and-more")]
    [InlineData("completely-unrelated-name")]
    public void A_prefix_of_several_or_a_name_far_from_all_suggests_nothing(string name) =>
        Assert.Null(NearestNames.Nearest(name, Slugs));

    [Fact]
    public void A_prefix_ranks_before_any_edit() =>
        // limit completes limi; lim and lime are one edit away, as limit is, and come after it.
        Assert.Equal(["limit", "lim", "lime"], NearestNames.NearestFew("limi", ["lime", "lim", "limit"], 3));
}
