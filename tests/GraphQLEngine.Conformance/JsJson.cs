using System.Collections;
using System.Globalization;
using System.Text;
using GraphQLEngine.Type;
using GraphQLEngine.Utilities;

namespace GraphQLEngine.Conformance;

/// <summary>
/// <c>JSON.stringify</c> of plain values, character for character, optionally with object keys sorted
/// ordinally (as conformance/lib/canonicalJson.mjs does for echoed arguments).
/// </summary>
public static class JsJson
{
    public static string Stringify(object? value, bool sortKeys = false)
    {
        var builder = new StringBuilder();
        Write(builder, value, sortKeys);
        return builder.ToString();
    }

    private static void Write(StringBuilder builder, object? value, bool sortKeys)
    {
        switch (value)
        {
            case null:
                builder.Append("null");
                return;
            case string text:
                WriteString(builder, text);
                return;
            case bool flag:
                builder.Append(flag ? "true" : "false");
                return;
            case Enum enumValue:
                WriteString(builder, enumValue.ToString());
                return;
        }
        if (JsNumber.IsNumber(value))
        {
            var number = JsNumber.ToDouble(value)!.Value;
            builder.Append(double.IsFinite(number) ? JsNumber.Format(value) : "null");
            return;
        }
        if (ObjectEntries.TryGetEntries(value, out var entries))
        {
            // Like JSON.stringify, properties holding undefined are left out.
            var present = entries.Where(e => !Undefined.Is(e.Value));
            var ordered = sortKeys ? present.OrderBy(e => e.Key, StringComparer.Ordinal) : present;
            builder.Append('{');
            var first = true;
            foreach (var (key, item) in ordered)
            {
                if (!first) builder.Append(',');
                first = false;
                WriteString(builder, key);
                builder.Append(':');
                Write(builder, item, sortKeys);
            }
            builder.Append('}');
            return;
        }
        if (value is IEnumerable list)
        {
            builder.Append('[');
            var first = true;
            foreach (var item in list)
            {
                if (!first) builder.Append(',');
                first = false;
                Write(builder, item, sortKeys);
            }
            builder.Append(']');
            return;
        }
        WriteString(builder, value.ToString() ?? "");
    }

    // JSON.stringify escapes quotes, backslashes, control characters and lone surrogates only.
    private static void WriteString(StringBuilder builder, string text)
    {
        builder.Append('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); continue;
                case '\\': builder.Append("\\\\"); continue;
                case '\b': builder.Append("\\b"); continue;
                case '\f': builder.Append("\\f"); continue;
                case '\n': builder.Append("\\n"); continue;
                case '\r': builder.Append("\\r"); continue;
                case '\t': builder.Append("\\t"); continue;
            }
            if (c < 0x20)
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }
        builder.Append('"');
    }
}
