namespace DepinApi.Import;

/// <summary>
/// One problem found in the seed files. <see cref="Line"/> and <see cref="Column"/> are 1-based;
/// the column is the position (in characters) where the offending field starts.
/// </summary>
public sealed record ImportError(string File, int Line, int Column, string Message)
{
    // The compiler's "file:line:column: message" shape, so editors and CI logs can jump to it.
    public override string ToString() => $"{File}:{Line}:{Column}: {Message}";
}
