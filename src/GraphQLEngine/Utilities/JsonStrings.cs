using System.Text.Encodings.Web;
using System.Text.Json;

namespace GraphQLEngine.Utilities;

/// <summary>Serializer settings that quote strings like JS's <c>JSON.stringify</c> (no HTML escaping of &lt;, ', + …).</summary>
internal static class JsonStrings
{
    public static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
