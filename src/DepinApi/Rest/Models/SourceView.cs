using System.Runtime.CompilerServices;
using DepinApi.ReadModel;
using DepinApi.Rest.Infrastructure;

namespace DepinApi.Rest.Models;

/// <summary>Where a figure comes from: the publication, its date as stated, and its kind.</summary>
public sealed record SourceView(string Id, string Publisher, string Title, DateOnly? PublishedOn, string PublishedLabel,
    string Kind, string? Url)
{
    /// <summary>A real source, for the OpenAPI document.</summary>
    public static SourceView Example => new("blockeden-early-2026", "BlockEden.xyz",
        "DePIN's Revenue Reckoning: How Akash, io.net, and Aethir Are Replacing Token Mining with Real Business Cash Flow",
        null, "early 2026", "press", null);

    // A read session hands every figure of one source the same instance, so a long series shares one view of it.
    public static SourceView Of(Source s) =>
        Views.GetValue(s, s => new(s.Id, s.Publisher, s.Title, s.PublishedOn, s.PublishedLabel, s.Kind, s.Url));

    private static readonly ConditionalWeakTable<Source, SourceView> Views = new();

    public static CsvColumns<SourceView> Columns() => new CsvColumns<SourceView>()
        .Add("id", s => s.Id).Add("publisher", s => s.Publisher).Add("title", s => s.Title)
        .Add("publishedOn", s => s.PublishedOn).Add("publishedLabel", s => s.PublishedLabel)
        .Add("kind", s => s.Kind).Add("url", s => s.Url);
}
