namespace GraphQLEngine.Execution;

/// <summary>A response grew past the most bytes it may have; writing stopped there.</summary>
public sealed class ResponseTooLargeException(long maxBytes)
    : Exception($"The response is larger than the maximum of {maxBytes} bytes.")
{
    /// <summary>The limit that was passed.</summary>
    public long MaxBytes { get; } = maxBytes;
}
