namespace DepinApi.Rest.Infrastructure;

/// <summary>What makes a request a CORS preflight, for every part of the pipeline that answers one differently.</summary>
public static class CorsPreflight
{
    /// <summary>An OPTIONS request a browser sends to ask whether another method may be sent cross-origin.</summary>
    public static bool Is(HttpRequest request) =>
        HttpMethods.IsOptions(request.Method)
        && request.Headers.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.Origin)
        && request.Headers.AccessControlRequestMethod.Count > 0;

    /// <summary>The method a request is about: the one a preflight asks to send, else its own.</summary>
    public static string MethodAskedAbout(HttpRequest request) =>
        Is(request) ? request.Headers.AccessControlRequestMethod.ToString() : request.Method;
}
