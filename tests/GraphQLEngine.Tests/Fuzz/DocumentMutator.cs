using System.Text;

namespace GraphQLEngine.Tests.Fuzz;

/// <summary>
/// Damages a document the ways transport, careless clients and attackers do: flipped characters, truncation,
/// duplicated or deleted spans, inserted punctuators, random Unicode including lone surrogates, NUL and other
/// controls, and oversized names, strings and numbers. The result is usually not a valid document; the point
/// is that whatever comes out of it, the engine answers with errors instead of throwing.
/// </summary>
internal static class DocumentMutator
{
    private static readonly string[] Insertions =
    [
        "{", "}", "[", "]", "(", ")", ":", "$", "@", "...", "..", "!", "=", "|", "&", "\"", "\"\"\"", "\\", "#", ",", "\n", "\r",
        "\0", "\uD800", "\uDFFF", "\uFFFE", "\uFEFF", "\u2028", "\u00A0", "😀", "\u0301", "on", "fragment", "query", "null",
        "true", "-", "1e", "0x", ".5", "__typename", "__schema", "$v0", "...F0", "\\u", "\\uD800", "\\u{", "\u0007",
    ];

    /// <summary>Applies one to three random mutations to <paramref name="source"/>.</summary>
    public static string Mutate(Random random, string source)
    {
        var text = new StringBuilder(source);
        var mutations = 1 + random.Next(3);
        for (var i = 0; i < mutations; i++) MutateOnce(random, text);
        return text.ToString();
    }

    private static void MutateOnce(Random random, StringBuilder text)
    {
        var at = random.Next(text.Length + 1);
        switch (random.Next(11))
        {
            case 0 when text.Length > 0:
                text[Math.Min(at, text.Length - 1)] = (char)random.Next(0, 0x10000);
                break;
            case 1 when text.Length > 0:
                text[Math.Min(at, text.Length - 1)] = (char)(text[Math.Min(at, text.Length - 1)] ^ (1 << random.Next(8)));
                break;
            case 2:
                text.Length = at;
                break;
            case 3:
                var length = random.Next(Math.Min(200, text.Length - at) + 1);
                var span = text.ToString(at, length);
                text.Insert(at, span, 1 + random.Next(random.Next(4) == 0 ? 50 : 3));
                break;
            case 4:
                text.Remove(at, random.Next(Math.Min(30, text.Length - at) + 1));
                break;
            case 5:
                text.Insert(at, Insertions[random.Next(Insertions.Length)]);
                break;
            case 6:
                text.Insert(at, new string('a', random.Next(1, 3) * 100_000));
                break;
            case 7:
                text.Insert(at, "\"" + new string('x', 200_000) + "\"");
                break;
            case 8:
                text.Insert(at, "9" + new string('9', random.Next(1, 5000)) + (random.Next(2) == 0 ? ".5e99999" : ""));
                break;
            case 9:
                text.Insert(at, new string(Insertions[random.Next(9)][0], random.Next(1, 400)));
                break;
            default:
                for (var i = 0; i < 1 + random.Next(8) && text.Length > 0; i++)
                    text.Insert(random.Next(text.Length), (char)random.Next(0, 0x10000));
                break;
        }
    }
}
