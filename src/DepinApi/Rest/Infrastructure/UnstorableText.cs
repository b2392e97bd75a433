namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// Finds a query parameter holding U+0000. Postgres text cannot hold that character, so such a value would fail
/// every query it reached (a 500); no slug, id or name contains it, so it is the client's mistake, a 400. (Kestrel
/// itself refuses a path with an encoded NUL.)
/// </summary>
public static class UnstorableText
{
    private const string Expected = "text without the NUL character (U+0000)";

    public static InvalidParameterException? Find(HttpRequest request)
    {
        foreach (var (name, values) in request.Query)
            foreach (var text in values)
                if (text is not null && text.Contains('\0'))
                    return new InvalidParameterException(name, Expected, text,
                        $"The parameter '{name}' contains the NUL character (U+0000), which no value of this API holds.");
        return null;
    }
}
