using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using DepinApi.ReadModel;

namespace DepinApi.Rest.Citations;

/// <summary>
/// A figure's permalink or citation as its view carries it: text written where the response is built (a JSON string, a
/// CSV field) from the figure and the response's links, instead of a string made for each figure beforehand. A price
/// export cites tens of thousands of figures, and those strings were half of what it allocated (docs/performance.md,
/// *Means*). In the API's JSON and CSV it is a string like any other; <see cref="ToString"/> gives the text.
/// </summary>
[JsonConverter(typeof(JsonStringConverter))]
public abstract class FigureText : IEquatable<FigureText>
{
    /// <summary>Appends the text to <paramref name="text"/>.</summary>
    public abstract void AppendTo(ref DefaultInterpolatedStringHandler text);

    /// <summary>Text already made.</summary>
    public static FigureText Of(string text) => new Made(text);

    /// <summary>A price's permalink, <see cref="Links.TokenPrice"/>.</summary>
    public static FigureText TokenPricePermalink(Links links, string id) => new PricePermalink(links, id);

    /// <summary>A price's citation, <see cref="Citation.AppendTokenPrice"/>.</summary>
    public static FigureText TokenPriceCitation(TokenPrice f, string projectName, Links links) => new PriceCitation(f, projectName, links);

    /// <summary>Hands the text to <paramref name="write"/> as characters in a buffer that lives only for the call.</summary>
    public void Write<TState>(TState state, ReadOnlySpanAction<char, TState> write)
    {
        var text = CitationText.Buffer(stackalloc char[512]);
        AppendTo(ref text);
        write(text.Text, state);
        text.Clear();
    }

    public override string ToString()
    {
        var text = CitationText.Buffer(stackalloc char[512]);
        AppendTo(ref text);
        return text.ToStringAndClear();
    }

    // By text, as the strings it stands for would compare (views are records).
    public bool Equals(FigureText? other) => other is not null && string.Equals(ToString(), other.ToString(), StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as FigureText);

    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    private sealed class Made(string value) : FigureText
    {
        public override void AppendTo(ref DefaultInterpolatedStringHandler text) => text.AppendFormatted(value);

        public override string ToString() => value;
    }

    private sealed class PricePermalink(Links links, string id) : FigureText
    {
        public override void AppendTo(ref DefaultInterpolatedStringHandler text) => links.AppendTokenPrice(ref text, id);
    }

    private sealed class PriceCitation(TokenPrice figure, string projectName, Links links) : FigureText
    {
        public override void AppendTo(ref DefaultInterpolatedStringHandler text) =>
            Citation.AppendTokenPrice(ref text, figure, projectName, links);
    }

    /// <summary>A JSON string, written from the buffer.</summary>
    private sealed class JsonStringConverter : JsonConverter<FigureText>
    {
        public override FigureText Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Of(reader.GetString() ?? throw new JsonException("A permalink or citation is a string."));

        public override void Write(Utf8JsonWriter writer, FigureText value, JsonSerializerOptions options) =>
            value.Write(writer, static (text, json) => json.WriteStringValue(text));
    }
}
