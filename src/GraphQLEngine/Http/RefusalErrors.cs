using System.Globalization;
using System.Text.Json;
using GraphQLEngine.Error;
using GraphQLEngine.Execution;
using GraphQLEngine.Utilities;

namespace GraphQLEngine.Http;

/// <summary>
/// Keeps the errors of a request refused before it runs within <see cref="GraphQLHttpOptions.MaxRefusalErrorBytes"/>
/// as written. Such a request ran nothing, so what its answer may hold is a matter of the endpoint's choosing, and
/// errors that quote the client's text (a coercion error quotes the whole value, up to 256 characters, and there may be
/// 50 of them) or repeat it (a conflict names every subfield that conflicts, with their locations) made answers of 26 KB
/// for a body of 512 bytes. The errors are kept in order while they fit; the first one that does not is left out with
/// those after it and a last error says how many, or, when it is the first, is kept with its message cut short.
/// </summary>
internal static class RefusalErrors
{
    public static ExecutionResult Fit(ExecutionResult result, long maxBytes)
    {
        if (maxBytes <= 0 || result.Errors.Count == 0) return result;
        var sizes = new long[result.Errors.Count];
        long total = 2 + (sizes.Length - 1);
        for (var i = 0; i < sizes.Length; i++) total += sizes[i] = Size(result.Errors[i]);
        if (total <= maxBytes) return result;
        return new ExecutionResult { HasData = result.HasData, Data = result.Data, Errors = Fit(result.Errors, sizes, maxBytes) };
    }

    private static List<GraphQLError> Fit(IReadOnlyList<GraphQLError> errors, long[] sizes, long maxBytes)
    {
        var kept = new List<GraphQLError>();
        // The brackets; then each error and the comma before it, and room for the notice of those left out.
        long used = 2;
        for (var i = 0; i < errors.Count; i++)
        {
            var left = errors.Count - i - 1;
            var room = maxBytes - used - (kept.Count > 0 ? 1 : 0) - (left > 0 ? 1 + Size(Omitted(left, maxBytes)) : 0);
            if (sizes[i] <= room)
            {
                used += sizes[i] + (kept.Count > 0 ? 1 : 0);
                kept.Add(errors[i]);
                continue;
            }
            if (kept.Count == 0 && Shortened(errors[i], room) is { } shortened)
                kept.Add(shortened);
            break;
        }
        if (kept.Count < errors.Count) kept.Add(Omitted(errors.Count - kept.Count, maxBytes));
        return kept;
    }

    /// <summary>The last error of a refusal whose others did not all fit.</summary>
    private static GraphQLError Omitted(int count, long maxBytes) => new(string.Create(CultureInfo.InvariantCulture,
        $"{count:N0} more error{(count == 1 ? "" : "s")} not shown: the errors of a request refused before it runs are written in at most {maxBytes:N0} bytes."));

    /// <summary>
    /// <paramref name="error"/> in at most <paramref name="room"/> bytes: its message cut (saying how long it was) and,
    /// when even a cut message leaves too little room, fewer of its locations; null when nothing of it fits.
    /// </summary>
    private static GraphQLError? Shortened(GraphQLError error, long room)
    {
        for (var locations = error.Locations.Count; ; locations /= 2)
        {
            var kept = error.Locations.Take(locations).ToList();
            if (Size(With(error, QuotedText.Cut(error.Message, 0), kept)) <= room)
            {
                // The longest cut that fits: its size grows with the characters kept.
                int fits = 0, over = error.Message.Length;
                while (over - fits > 1)
                {
                    var middle = fits + (over - fits) / 2;
                    if (Size(With(error, QuotedText.Cut(error.Message, middle), kept)) <= room) fits = middle;
                    else over = middle;
                }
                return With(error, QuotedText.Cut(error.Message, fits), kept);
            }
            if (locations == 0) return null;
        }
    }

    private static GraphQLError With(GraphQLError error, string message, IReadOnlyList<ErrorLocation> locations) =>
        new(message, path: error.Path, originalError: error.OriginalError, extensions: error.Extensions, locations: locations);

    /// <summary>The bytes <paramref name="error"/> takes in a response.</summary>
    private static long Size(GraphQLError error)
    {
        using var buffer = new PooledByteBufferWriter(1024);
        using (var writer = new Utf8JsonWriter(buffer, ExecutionResultWriter.WriterOptions))
            ExecutionResultWriter.WriteError(writer, error);
        return buffer.WrittenSpan.Length;
    }
}
