namespace DepinApi.Rest.Infrastructure;

/// <summary>A response grew past <see cref="RestOptions.MaxResponseBytes"/> while it was being built.</summary>
public sealed class RestResponseTooLargeException(long limit)
    : IOException($"The response is larger than {limit} bytes.")
{
    public long Limit { get; } = limit;
}
