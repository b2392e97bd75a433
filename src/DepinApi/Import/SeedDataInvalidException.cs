namespace DepinApi.Import;

/// <summary>
/// The seed data a server imports on its first start is not valid: every error, as the <c>import</c> verb lists them
/// (file:line:column), and that nothing was imported.
/// </summary>
public sealed class SeedDataInvalidException(string directory, IReadOnlyList<ImportError> errors) : Exception(
    $"The seed data in {directory} is not valid; nothing was imported ({errors.Count} error(s)):{Environment.NewLine}"
    + string.Join(Environment.NewLine, errors));
