namespace DepinApi.ReadModel;

/// <summary>An <see cref="AsOf"/> that names no data version; the message says which ones exist.</summary>
public sealed class DataVersionNotFoundException(AsOf asOf, string message) : Exception(message)
{
    public AsOf AsOf { get; } = asOf;

    /// <summary>The request parameter that named it: <c>asOf</c>, or another that names a version (<c>version</c>).</summary>
    public string Parameter { get; init; } = "asOf";
}
