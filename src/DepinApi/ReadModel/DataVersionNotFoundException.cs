namespace DepinApi.ReadModel;

/// <summary>An <see cref="AsOf"/> that names no data version; the message says which ones exist.</summary>
public sealed class DataVersionNotFoundException(AsOf asOf, string message) : Exception(message)
{
    public AsOf AsOf { get; } = asOf;

    /// <summary>The request parameter that named it: <c>asOf</c>, or another that names a version (<c>version</c>).</summary>
    public string Parameter { get; init; } = "asOf";

    /// <summary>
    /// The one sentence for a version number past those served, REST's and GraphQL's alike: which exist, read as a
    /// person would say it when there is only one.
    /// </summary>
    public static string Describe(int missing, int latest) => latest == 1
        ? $"Data version {missing} does not exist; only version 1 does."
        : $"Data version {missing} does not exist; versions 1 to {latest} do.";
}
