namespace GraphQLEngine.Execution;

/// <summary>
/// A response value that is already JSON: one complete JSON value in UTF-8, which the response writer copies as it
/// stands (<see cref="ExecutionResultWriter.WriteValue"/>). An executor that builds its answer elsewhere (in the
/// database) hands it over this way instead of as a parsed document that is walked and written again. The writer does
/// not check it: whoever makes one vouches that it is valid, and compact if the response is to be.
/// </summary>
public sealed class RawJson(ReadOnlyMemory<byte> utf8)
{
    /// <summary>The JSON text.</summary>
    public ReadOnlyMemory<byte> Utf8 { get; } = utf8;
}
