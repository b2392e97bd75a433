using System.Globalization;
using System.Numerics;

namespace GraphQLEngine.Utilities;

/// <summary>
/// Number helpers that reproduce JavaScript's semantics, because graphql-js's coercion rules and error
/// messages are written in terms of JS numbers (<c>Number.isInteger</c>, <c>String(1e21)</c>, …).
/// </summary>
public static partial class JsNumber
{
    /// <summary>Whether <paramref name="value"/> is a CLR numeric type (integral, floating or decimal).</summary>
    public static bool IsNumber(object? value) => value is int or long or short or byte or sbyte or uint or ulong or ushort
        or double or float or decimal or BigInteger or Half;

    /// <summary>Converts any CLR number to the double a JS engine would hold; null when not a number.</summary>
    public static double? ToDouble(object? value) => value switch
    {
        int i => i,
        long l => l,
        short s => s,
        byte b => b,
        sbyte sb => sb,
        uint ui => ui,
        ulong ul => ul,
        ushort us => us,
        double d => d,
        float f => f,
        decimal m => (double)m,
        BigInteger bi => (double)bi,
        Half h => (double)h,
        _ => null,
    };

    /// <summary>JS <c>Number.isInteger</c>: finite and without a fractional part.</summary>
    public static bool IsInteger(double value) => double.IsFinite(value) && Math.Floor(value) == value;

    /// <summary>Formats a double as JS's <c>String(number)</c> does (<c>1.5</c>, <c>1e+21</c>, <c>-0</c> as <c>0</c>, <c>NaN</c>, <c>Infinity</c>).</summary>
    public static string Format(double value)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsPositiveInfinity(value)) return "Infinity";
        if (double.IsNegativeInfinity(value)) return "-Infinity";
        if (value == 0) return "0";

        // JS prints the shortest round-trip digits laid out by the rules of ECMA-262 Number::toString.
        var shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        var (digits, exponent) = SplitDigits(shortest);
        var sign = value < 0 ? "-" : "";
        var k = digits.Length;
        var n = exponent; // value = 0.digits × 10^n

        if (k <= n && n <= 21) return sign + digits + new string('0', n - k);
        if (0 < n && n <= 21) return sign + digits[..n] + "." + digits[n..];
        if (-6 < n && n <= 0) return sign + "0." + new string('0', -n) + digits;

        var e = n - 1;
        var expText = (e >= 0 ? "+" : "-") + Math.Abs(e).ToString(CultureInfo.InvariantCulture);
        return k == 1
            ? sign + digits + "e" + expText
            : sign + digits[0] + "." + digits[1..] + "e" + expText;
    }

    /// <summary>Formats any CLR number the way JS would print the equivalent JS number.</summary>
    public static string Format(object number) => number switch
    {
        int or long or short or byte or sbyte or uint or ulong or ushort or BigInteger =>
            Convert.ToString(number, CultureInfo.InvariantCulture)!,
        decimal m when decimal.Truncate(m) == m => m.ToString("0", CultureInfo.InvariantCulture),
        _ => Format(ToDouble(number) ?? double.NaN),
    };

    /// <summary>JS <c>Number(string)</c>: trims whitespace, empty is 0, accepts decimal, exponent, Infinity and 0x/0o/0b forms; NaN otherwise.</summary>
    public static double ParseString(string text)
    {
        var trimmed = text.Trim(' ', '\t', '\n', '\r', '\v', '\f', '\u00A0', '\uFEFF', '\u2028', '\u2029');
        if (trimmed.Length == 0) return 0;
        switch (trimmed)
        {
            case "Infinity" or "+Infinity": return double.PositiveInfinity;
            case "-Infinity": return double.NegativeInfinity;
        }
        if (trimmed.Length > 2 && trimmed[0] == '0' && char.ToLowerInvariant(trimmed[1]) is 'x' or 'o' or 'b')
        {
            var radix = char.ToLowerInvariant(trimmed[1]) switch { 'x' => 16, 'o' => 8, _ => 2 };
            double result = 0;
            foreach (var c in trimmed[2..])
            {
                var digit = HexDigitValue(c);
                if (digit < 0 || digit >= radix) return double.NaN;
                result = result * radix + digit;
            }
            return result;
        }
        if (!DecimalLiteral().IsMatch(trimmed)) return double.NaN;
        return double.Parse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static int HexDigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    [System.Text.RegularExpressions.GeneratedRegex(@"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$")]
    private static partial System.Text.RegularExpressions.Regex DecimalLiteral();

    /// <summary>Splits a positive "R"-formatted number into significant digits and the exponent n with value = 0.digits × 10^n.</summary>
    private static (string Digits, int Exponent) SplitDigits(string text)
    {
        var exponent = 0;
        var ePos = text.IndexOfAny(['E', 'e']);
        if (ePos >= 0)
        {
            exponent = int.Parse(text[(ePos + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..ePos];
        }
        var dot = text.IndexOf('.');
        var intPart = dot >= 0 ? text[..dot] : text;
        var fracPart = dot >= 0 ? text[(dot + 1)..] : "";
        var allDigits = intPart + fracPart;
        var pointPosition = intPart.Length + exponent;

        var leadingZeros = 0;
        while (leadingZeros < allDigits.Length - 1 && allDigits[leadingZeros] == '0') leadingZeros++;
        allDigits = allDigits[leadingZeros..];
        pointPosition -= leadingZeros;
        allDigits = allDigits.TrimEnd('0');
        if (allDigits.Length == 0) allDigits = "0";
        return (allDigits, pointPosition);
    }
}
