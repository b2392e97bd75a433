namespace DepinApi.Import;

/// <summary>
/// One problem found in the seed files. <see cref="Line"/> and <see cref="Column"/> are 1-based;
/// the column is the position (in characters) where the offending field starts.
/// </summary>
public sealed record ImportError(string File, int Line, int Column, string Message)
{
    // The compiler's "file:line:column: message" shape, so editors and CI logs can jump to it: one line per error,
    // so a value's line break or control character (a terminal escape, say) is written as an escape, not sent raw.
    public override string ToString() => $"{File}:{Line}:{Column}: {Printable(Message)}";

    private static string Printable(string text) =>
        text.Any(char.IsControl)
            ? string.Concat(text.Select(c => c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:X4}",
                _ => c.ToString(),
            }))
            : text;
}
