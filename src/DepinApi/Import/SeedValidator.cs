namespace DepinApi.Import;

/// <summary>
/// Checks every seed file before anything is written and collects every problem, so one run
/// shows all that needs fixing. Cross-file checks (references, seed files on disk) come after
/// each file was checked on its own.
/// </summary>
internal static class SeedValidator
{
    public static async Task<SeedValidation> ValidateAsync(string directory, IReadOnlyList<FileSpec> specs, CancellationToken cancellationToken)
    {
        var errors = new List<ImportError>();
        if (!Directory.Exists(directory))
        {
            errors.Add(new ImportError(directory, 1, 1, "seed directory not found"));
            return new SeedValidation(errors, []);
        }
        var files = new List<ParsedFile>();
        foreach (var spec in specs)
        {
            var path = Path.Combine(directory, spec.FileName);
            var isFile = File.Exists(path);
            var (bytes, failure) = isFile ? await TryReadAsync(path, cancellationToken) : (null, null);
            if (failure is not null)
                errors.Add(new ImportError(spec.FileName, 1, 1, $"cannot be read: {failure}"));
            if (bytes is null)
            {
                // Not read: unreadable (reported), a folder in its place, or absent (an error unless optional).
                var isFolder = !isFile && Directory.Exists(path);
                if (isFolder)
                    errors.Add(new ImportError(spec.FileName, 1, 1, "is a folder; expected a CSV file"));
                else if (!isFile && !spec.Optional)
                    errors.Add(new ImportError(spec.FileName, 1, 1, "required file is missing"));
                files.Add(new ParsedFile(spec) { KeysKnown = spec.Optional && !isFile && !isFolder });
                continue;
            }
            files.Add(new FileValidator(spec, errors).Validate(bytes));
        }
        CheckReferences(files, errors);
        CheckFilesExist(directory, files, errors);
        CheckAliasesAreNotSlugs(files, errors);
        await SourceQuotes.CheckVerbatimAsync(directory, files, errors, cancellationToken);
        var order = specs.Select((s, i) => (s.FileName, i)).ToDictionary(p => p.FileName, p => p.i);
        var sorted = errors
            .OrderBy(e => order.GetValueOrDefault(e.File, -1))
            .ThenBy(e => e.Line)
            .ThenBy(e => e.Column)
            .ToList();
        return new SeedValidation(sorted, files);
    }

    /// <summary>
    /// A seed file's or article's bytes, or why they cannot be read (a link to nothing, a loop of links, a folder):
    /// the importer reports what it cannot read, it does not throw.
    /// </summary>
    internal static async Task<(byte[]? Bytes, string? Failure)> TryReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return (await File.ReadAllBytesAsync(path, cancellationToken), null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return (null, e.Message);
        }
    }

    // An alias redirects another spelling to a project; one that is a project's slug would shadow it or loop.
    private static void CheckAliasesAreNotSlugs(List<ParsedFile> files, List<ImportError> errors)
    {
        if (files.SingleOrDefault(f => f.Spec == SeedFiles.ProjectAliases) is not { } aliases
            || files.SingleOrDefault(f => f.Spec == SeedFiles.Projects) is not { } projects)
            return;
        var alias = SeedFiles.ProjectAliases.IndexOf("alias");
        foreach (var row in aliases.Rows)
        {
            if (row.Invalid[alias] || row.Fields[alias] is not { } field || !projects.Keys.ContainsKey(field.Value))
                continue;
            errors.Add(new ImportError(aliases.Spec.FileName, field.Line, field.Column,
                $"alias '{Shown.Value(field.Value)}' is the slug of a project (projects.csv line {projects.Keys[field.Value]}); an alias must be another spelling"));
        }
    }

    private static void CheckReferences(List<ParsedFile> files, List<ImportError> errors)
    {
        var byName = files.ToDictionary(f => f.Spec.Name);
        foreach (var file in files)
        {
            var spec = file.Spec;
            for (var c = 0; c < spec.Columns.Count; c++)
            {
                if (spec.Columns[c].References is not { } target || !byName[target].KeysKnown)
                    continue;
                var keys = byName[target].Keys;
                foreach (var row in file.Rows)
                {
                    if (row.Invalid[c] || row.Fields[c] is not { } field || string.IsNullOrWhiteSpace(field.Value) || keys.ContainsKey(field.Value))
                        continue;
                    errors.Add(new ImportError(spec.FileName, field.Line, field.Column, $"unknown {spec.Columns[c].Name} '{Shown.Value(field.Value)}'"));
                }
            }
        }
    }

    private static void CheckFilesExist(string directory, List<ParsedFile> files, List<ImportError> errors)
    {
        foreach (var file in files)
        {
            var spec = file.Spec;
            for (var c = 0; c < spec.Columns.Count; c++)
            {
                if (spec.Columns[c].FileIn is not { } folder)
                    continue;
                foreach (var row in file.Rows)
                {
                    if (row.Invalid[c] || row.Fields[c] is not { } field || string.IsNullOrWhiteSpace(field.Value)
                        || File.Exists(Path.Combine(directory, folder, field.Value)))
                        continue;
                    errors.Add(new ImportError(spec.FileName, field.Line, field.Column,
                        $"{spec.Columns[c].Name} '{Shown.Value(field.Value)}' not found in {folder}/"));
                }
            }
        }
    }
}

internal sealed record SeedValidation(IReadOnlyList<ImportError> Errors, IReadOnlyList<ParsedFile> Files);
