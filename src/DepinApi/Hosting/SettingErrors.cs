using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;

namespace DepinApi.Hosting;

/// <summary>
/// Tells a setting that cannot work from a fault of the program, and says what is wrong with it in one line: the
/// setting, the value and what it expects. The service stops with <see cref="CommandLine.Misconfigured"/> instead of
/// an unhandled exception's stack trace, which names the setting too but reads as a crash and aborts the process.
/// </summary>
public static partial class SettingErrors
{
    /// <summary>
    /// Whether this program is the process (started as <c>dotnet DepinApi.dll</c>), so that an exit code and a line say
    /// the failure; a host that runs it inside another program (<c>WebApplicationFactory</c>) is told by the exception.
    /// </summary>
    public static bool OwnProcess => Assembly.GetEntryAssembly() == typeof(SettingErrors).Assembly;

    /// <summary>The line to say for <paramref name="e"/>, or null when it is not a setting's fault.</summary>
    public static string? Describe(Exception e) => e switch
    {
        OptionsValidationException refused => string.Join(' ', refused.Failures.Select(Sentence)),
        // IStartupValidator throws all the options that failed together.
        AggregateException { InnerExceptions.Count: > 0 } all when all.InnerExceptions.All(i => Describe(i) is not null) =>
            string.Join(' ', all.InnerExceptions.Select(i => Describe(i))),
        InvalidOperationException unconvertible when Unconvertible().Match(unconvertible.Message) is { Success: true } match =>
            $"{match.Groups["path"].Value} is '{match.Groups["value"].Value}', which is not {Expected(match.Groups["type"].Value)}.",
        IOException { InnerException: AddressInUseException } taken =>
            $"{taken.Message} Choose a free port in --urls (ASPNETCORE_URLS) or Security:Https:Port.",
        _ => null,
    };

    private static string Sentence(string failure) => failure.EndsWith('.') ? failure : failure + ".";

    // The configuration binder's words for a value that does not convert to the property's type.
    [GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<path>[^']*)' to type '(?<type>[^']*)'", RegexOptions.Singleline)]
    private static partial Regex Unconvertible();

    private static string Expected(string typeName)
    {
        var type = typeof(SettingErrors).Assembly.GetType(typeName) ?? Type.GetType(typeName);
        if (type is { IsEnum: true })
            return "one of " + string.Join(", ", Enum.GetNames(type));
        return Type.GetTypeCode(type) switch
        {
            TypeCode.Int16 or TypeCode.Int32 or TypeCode.Int64 or TypeCode.UInt16 or TypeCode.UInt32 or TypeCode.UInt64 =>
                "a whole number",
            TypeCode.Double or TypeCode.Single or TypeCode.Decimal => "a number such as " + 1.5.ToString(CultureInfo.InvariantCulture),
            TypeCode.Boolean => "true or false",
            _ => "a " + (type?.Name ?? typeName),
        };
    }
}
