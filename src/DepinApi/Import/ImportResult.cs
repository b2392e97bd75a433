using System.Globalization;

namespace DepinApi.Import;

/// <summary>What an import did, or why it did nothing.</summary>
public sealed class ImportResult
{
    private ImportResult(
        bool succeeded,
        IReadOnlyList<ImportError> errors,
        int? dataVersion,
        IReadOnlyDictionary<string, TableCounts> counts,
        IReadOnlyList<string> notices)
    {
        Succeeded = succeeded;
        Errors = errors;
        DataVersion = dataVersion;
        Counts = counts;
        Notices = notices;
    }

    public bool Succeeded { get; }

    /// <summary>Every problem found; empty when the import succeeded.</summary>
    public IReadOnlyList<ImportError> Errors { get; }

    /// <summary>The data version this import created; null when nothing changed or the import failed.</summary>
    public int? DataVersion { get; }

    /// <summary>Per seed file (by its name without extension, e.g. <c>revenue</c>); empty when the import failed.</summary>
    public IReadOnlyDictionary<string, TableCounts> Counts { get; }

    /// <summary>Things worth telling whoever started the import, e.g. that it waited for another one.</summary>
    public IReadOnlyList<string> Notices { get; }

    /// <summary>True when another import or migration held the lock and this one waited for it.</summary>
    public bool WaitedForLock { get; private init; }

    internal static ImportResult Failed(IReadOnlyList<ImportError> errors, IReadOnlyList<string> notices) =>
        new(false, errors, null, new Dictionary<string, TableCounts>(), notices);

    internal static ImportResult Done(int? dataVersion, IReadOnlyDictionary<string, TableCounts> counts, IReadOnlyList<string> notices, bool waited) =>
        new(true, [], dataVersion, counts, notices) { WaitedForLock = waited };

    /// <summary>Writes the notices, then either every error or a table of counts per file.</summary>
    public void WriteReport(TextWriter writer)
    {
        foreach (var notice in Notices)
            writer.WriteLine(notice);
        if (!Succeeded)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Import failed with {Errors.Count} error{(Errors.Count == 1 ? "" : "s")}; nothing was written."));
            foreach (var error in Errors)
                writer.WriteLine(error);
            return;
        }
        writer.WriteLine(DataVersion is { } version
            ? string.Create(CultureInfo.InvariantCulture, $"Imported data version {version}.")
            : "Nothing changed; no new data version.");
        WriteCountsTable(writer);
    }

    private void WriteCountsTable(TextWriter writer)
    {
        const string row = "{0,-20} {1,7} {2,8} {3,8} {4,10}";
        writer.WriteLine(string.Format(CultureInfo.InvariantCulture, row, "file", "added", "changed", "removed", "unchanged"));
        foreach (var (name, counts) in Counts)
            writer.WriteLine(string.Format(CultureInfo.InvariantCulture, row,
                name + ".csv", counts.Added, counts.Changed, counts.Removed, counts.Unchanged));
    }
}
