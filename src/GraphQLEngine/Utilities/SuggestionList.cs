namespace GraphQLEngine.Utilities;

/// <summary>
/// graphql-js's <c>suggestionList</c>: the options within a typo-sized edit distance of the input,
/// closest first (ties in natural order). Case changes count as a single edit.
/// </summary>
public static class SuggestionList
{
    public static IReadOnlyList<string> Suggest(string input, IEnumerable<string> options)
    {
        var distances = new Dictionary<string, int>();
        var threshold = (int)Math.Floor(input.Length * 0.4) + 1;
        foreach (var option in options)
        {
            var distance = Measure(input, option, threshold);
            if (distance is { } d) distances[option] = d;
        }
        return distances.Keys
            .OrderBy(k => k, Comparer<string>.Create((a, b) =>
            {
                var diff = distances[a] - distances[b];
                return diff != 0 ? diff : NaturalCompare.Compare(a, b);
            }))
            .ToList();
    }

    /// <summary>Damerau-Levenshtein (optimal string alignment) over lower-cased text; null when above the threshold.</summary>
    private static int? Measure(string input, string option, int threshold)
    {
        if (input == option) return 0;
        var inputLower = input.ToLowerInvariant();
        var optionLower = option.ToLowerInvariant();
        if (inputLower == optionLower) return 1;

        var a = optionLower;
        var b = inputLower;
        if (a.Length < b.Length) (a, b) = (b, a);
        var aLength = a.Length;
        var bLength = b.Length;
        if (aLength - bLength > threshold) return null;

        var rows = new[] { new int[bLength + 1], new int[bLength + 1], new int[bLength + 1] };
        for (var j = 0; j <= bLength; j++) rows[0][j] = j;
        for (var i = 1; i <= aLength; i++)
        {
            var upRow = rows[(i - 1) % 3];
            var currentRow = rows[i % 3];
            var smallestCell = currentRow[0] = i;
            for (var j = 1; j <= bLength; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var currentCell = Math.Min(Math.Min(upRow[j] + 1, currentRow[j - 1] + 1), upRow[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    currentCell = Math.Min(currentCell, rows[(i - 2) % 3][j - 2] + 1);
                }
                if (currentCell < smallestCell) smallestCell = currentCell;
                currentRow[j] = currentCell;
            }
            // No later row can get below this row's minimum.
            if (smallestCell > threshold) return null;
        }
        var distance = rows[aLength % 3][bLength];
        return distance <= threshold ? distance : null;
    }
}
