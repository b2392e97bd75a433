using GraphQLEngine.Utilities;

namespace DepinApi.Import;

/// <summary>
/// A value from a seed file as an error quotes it: whole up to <see cref="MaxLength"/> characters, else cut there with
/// its whole length (<see cref="QuotedText"/>, as the API's errors cut what a client sent), so that a million-character
/// field is one readable error line, and what the message goes on to say (what was allowed) is still read.
/// </summary>
internal static class Shown
{
    public const int MaxLength = 200;

    public static string Value(string text) => QuotedText.Cut(text, MaxLength);
}
