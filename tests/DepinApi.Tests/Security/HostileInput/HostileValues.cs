using System.Text;

namespace DepinApi.Tests.Security.HostileInput;

/// <summary>A hostile value for a URL, already percent-encoded (some are byte sequences no string could hold).</summary>
public sealed record HostileValue(string Label, string Encoded)
{
    public static HostileValue Text(string label, string text) => new(label, Uri.EscapeDataString(text));
}

/// <summary>
/// Values built to break parameter parsing and the queries behind it: SQL, NUL and control characters, numbers out of
/// every range, Unicode that misleads, invalid UTF-8 that only a percent-encoding can carry, and sheer size. None is a
/// valid value of any validated parameter.
/// </summary>
public static class HostileValues
{
    public static IReadOnlyList<HostileValue> Fixed { get; } =
    [
        HostileValue.Text("SQL tautology", "' OR 1=1 --"),
        HostileValue.Text("SQL DROP", "'; DROP TABLE projects; --"),
        HostileValue.Text("SQL DELETE", "1; DELETE FROM revenue_figures"),
        HostileValue.Text("SQL UNION", "x' UNION SELECT usename, passwd FROM pg_shadow --"),
        HostileValue.Text("SQL sleep", "'; SELECT pg_sleep(30); --"),
        HostileValue.Text("SQL dollar quoting", "$$; TRUNCATE revenue_figures; $$"),
        HostileValue.Text("LIKE wildcards", "%_%\\"),
        HostileValue.Text("NUL byte", "aethir\0"),
        HostileValue.Text("NUL alone", "\0"),
        HostileValue.Text("control characters", "\u0001\u0007\u001b[31m\u007f"),
        HostileValue.Text("CRLF header injection", "x\r\nSet-Cookie: a=b"),
        HostileValue.Text("400-digit number", new string('9', 400)),
        HostileValue.Text("one past Int32", "2147483648"),
        HostileValue.Text("negative number", "-1"),
        HostileValue.Text("exponent", "1e308"),
        HostileValue.Text("hexadecimal", "0x1F"),
        HostileValue.Text("NaN", "NaN"),
        HostileValue.Text("fraction", "1.5"),
        HostileValue.Text("fullwidth digits", "\uFF11\uFF12"),
        HostileValue.Text("Arabic-Indic digit", "\u0663"),
        HostileValue.Text("emoji", "\U0001F600\U0001F680"),
        HostileValue.Text("right-to-left override", "\u202Eevil"),
        HostileValue.Text("byte order mark", "\uFEFFaethir"),
        HostileValue.Text("500 combining marks", "a" + new string('\u0301', 500)),
        HostileValue.Text("path traversal", "../../etc/passwd"),
        HostileValue.Text("format strings", "%s%s%n{0}${jndi:ldap://x/a}"),
        HostileValue.Text("script", "<script>alert(1)</script>"),
        HostileValue.Text("JSON operator", "{\"$ne\":null}"),
        HostileValue.Text("5,000 characters", new string('a', 5000)),
        HostileValue.Text("2,100 multi-byte characters", string.Concat(Enumerable.Repeat("\u00e4\u20ac\U0001F600", 700))),
        new("invalid UTF-8 bytes", "%FF%FE"),
        new("overlong UTF-8 encoding of /", "%C0%AF"),
        new("UTF-8-encoded surrogate", "%ED%A0%80"),
        new("UTF-8 beyond U+10FFFF", "%F4%90%80%80"),
        new("truncated UTF-8 sequence", "%E2%82"),
        new("malformed percent escape", "%zz%"),
        new("percent-encoded NUL", "%00"),
    ];

    // No '/', so a value stays within its path segment; letters and digits are mixed with everything else.
    private const string Ascii = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'\";-=()*%_\\<>{}[]|&$#!@^~`,.:+? \t\r\n\0\u0001\u001f\u007f";
    private static readonly string[] Unicode = ["\u00e4", "\u00e9", "\u20ac", "\U0001F600", "\u202E", "\uFEFF", "\u0301", "\u200B", "\uFFFD", "\uFFFF"];

    // Characters no validated parameter accepts: one of them in every random value keeps it invalid.
    private const string Poison = "'\";<>\0\u00ff";

    /// <summary>Random junk: mostly short, sometimes thousands of characters, sometimes with raw invalid UTF-8 appended.</summary>
    public static HostileValue Random(Random random)
    {
        var length = random.Next(20) == 0 ? random.Next(1_000, 4_000) : random.Next(1, 40);
        var text = new StringBuilder(length + 2);
        for (var i = 0; i < length; i++)
        {
            text.Append(random.Next(6) switch
            {
                0 => Unicode[random.Next(Unicode.Length)],
                1 => ((char)random.Next(0xA0, 0xD800)).ToString(),
                _ => Ascii[random.Next(Ascii.Length)].ToString(),
            });
        }
        text.Insert(random.Next(text.Length + 1), Poison[random.Next(Poison.Length)]);
        var encoded = Uri.EscapeDataString(text.ToString());
        if (random.Next(4) == 0)
            encoded += string.Concat(Enumerable.Range(0, random.Next(1, 6)).Select(_ => $"%{random.Next(0x80, 0x100):X2}"));
        return new HostileValue("random", encoded);
    }
}
