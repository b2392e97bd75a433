namespace DepinApi.Import;

/// <summary>
/// Every figure cites the sentence it came from: its <c>quote</c> must occur, character for character, in the article
/// its <c>source</c> was read from (<c>sources/&lt;seed_file&gt;</c>), as whole sentences or a whole table row
/// (<see cref="QuotedSentence"/>). An import is the only way figures reach the
/// database, so this is where a quote that was paraphrased, mistyped or made up is refused.
/// </summary>
internal static class SourceQuotes
{
    public static async Task CheckVerbatimAsync(string directory, IReadOnlyList<ParsedFile> files, List<ImportError> errors,
        CancellationToken cancellationToken)
    {
        if (files.SingleOrDefault(f => f.Spec == SeedFiles.Sources) is not { } sources)
            return;
        var seedFileColumn = SeedFiles.Sources.IndexOf("seed_file");
        var idColumn = SeedFiles.Sources.IndexOf(SeedFiles.Sources.KeyColumn);
        var seedFileOf = new Dictionary<string, (string FileIn, string Name)>(StringComparer.Ordinal);
        foreach (var row in sources.Rows)
        {
            if (row.Fields[idColumn] is { } id && row.Fields[seedFileColumn] is { } seedFile && !row.Invalid[seedFileColumn])
                seedFileOf.TryAdd(id.Value, (SeedFiles.Sources.Columns[seedFileColumn].FileIn!, seedFile.Value));
        }
        var articles = await ArticlesAsync(directory, seedFileOf.Values, errors, cancellationToken);
        foreach (var file in files)
        {
            var spec = file.Spec;
            if (!spec.HasColumn("quote") || spec.Columns.FirstOrDefault(c => c.References == SeedFiles.Sources.Name) is not { } sourceColumn)
                continue;
            var quote = spec.IndexOf("quote");
            var source = spec.IndexOf(sourceColumn.Name);
            foreach (var row in file.Rows)
            {
                if (row.Invalid[quote] || row.Invalid[source] || row.Fields[quote] is not { } quoteField || row.Fields[source] is not { } sourceField
                    || string.IsNullOrWhiteSpace(quoteField.Value) || !seedFileOf.TryGetValue(sourceField.Value, out var seedFile))
                    continue;
                var path = Path.Combine(seedFile.FileIn, seedFile.Name);
                // An article that is missing (reported by the check that seed files exist) or not UTF-8 (reported as it
                // was read) has no text to search.
                if (articles.GetValueOrDefault(path) is not { } article)
                    continue;
                var quoteText = OneLineEnding(quoteField.Value);
                if (!article.Contains(quoteText, StringComparison.Ordinal))
                    errors.Add(new ImportError(spec.FileName, quoteField.Line, quoteField.Column,
                        $"quote does not occur verbatim in {path}, the article of source '{sourceField.Value}'; a quote is the source's own sentence, copied exactly"));
                else if (!QuotedSentence.IsWholeIn(article, quoteText))
                    errors.Add(new ImportError(spec.FileName, quoteField.Line, quoteField.Column,
                        $"quote occurs in {path} only as a piece of a sentence or table row; a quote runs from a sentence's first character to its closing punctuation (several whole sentences may follow each other), or over a table row from its first | to its last"));
            }
        }
    }

    // A quote that runs over a line break matches its article whether the article or the CSV file was saved with
    // Windows line endings or not: "\r\n" and "\n" are one line break.
    private static string OneLineEnding(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    /// <summary>
    /// Every article a source names, as text; null for one that is missing (reported by the check that seed files
    /// exist) or not UTF-8, which is reported here, where it is read. Decoded strictly, as the CSV files are
    /// (<see cref="StrictUtf8"/>): decoded leniently, a byte of another encoding would become U+FFFD, and a quote
    /// holding one would pass as verbatim.
    /// </summary>
    private static async Task<Dictionary<string, string?>> ArticlesAsync(string directory, IEnumerable<(string FileIn, string Name)> seedFiles,
        List<ImportError> errors, CancellationToken cancellationToken)
    {
        var articles = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (fileIn, name) in seedFiles)
        {
            var path = Path.Combine(fileIn, name);
            if (articles.ContainsKey(path))
                continue;
            var (bytes, _) = await SeedValidator.TryReadAsync(Path.Combine(directory, path), cancellationToken);
            ImportError? error = null;
            articles[path] = bytes is null ? null : StrictUtf8.Decode(bytes, path, out error) is { } text ? OneLineEnding(text) : null;
            if (error is not null)
                errors.Add(error);
        }
        return articles;
    }
}
