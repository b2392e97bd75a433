namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// The Accept header accepts only representations this request cannot have (a chart the query cannot draw, when it
/// accepts images only). <see cref="RestErrorFilter"/> answers it with a 406 <c>not-acceptable</c> problem listing the
/// media types that can be had instead.
/// </summary>
public sealed class NotAcceptableException(IReadOnlyList<string> available, InvalidParameterException why) : Exception(why.Message, why)
{
    /// <summary>Why the representation accepted cannot be had: the 400 <c>format=</c> would have been answered.</summary>
    public InvalidParameterException Why { get; } = why;

    /// <summary>The media types this request could be answered in.</summary>
    public IReadOnlyList<string> Available { get; } = available;
}
