namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// Endpoint metadata of a route that takes any name but publishes only some (the pages' and the IDE's files, the
/// OpenAPI documents, Swagger UI's files): whether a request's path names one of them. Its route matches a preflight
/// for any name, so without this a preflight for a name nothing is published at was granted; it is refused instead,
/// with the 404 its GET gets (<see cref="ReadPolicyByDefault"/>, <see cref="UngrantedPreflight"/>).
/// </summary>
public sealed class PublishedNames(Func<HttpContext, Task<bool>> namesOneAsync)
{
    /// <summary>Whether the request's path names something the endpoint publishes (a redirect to one counts).</summary>
    public Task<bool> NamesOneAsync(HttpContext context) => namesOneAsync(context);
}
