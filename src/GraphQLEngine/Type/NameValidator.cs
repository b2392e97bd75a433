namespace GraphQLEngine.Type;

/// <summary>graphql-js's <c>assertName</c> / <c>assertEnumValueName</c>: names must match <c>/^[_a-zA-Z][_a-zA-Z0-9]*$/</c>.</summary>
public static class NameValidator
{
    /// <returns><paramref name="name"/> unchanged.</returns>
    /// <exception cref="ArgumentException">The name is empty or has a character outside the name grammar.</exception>
    public static string AssertName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0) throw new ArgumentException("Expected name to be a non-empty string.");
        for (var i = 1; i < name.Length; i++)
        {
            if (!IsNameContinue(name[i]))
            {
                throw new ArgumentException($"Names must only contain [_a-zA-Z0-9] but \"{name}\" does not.");
            }
        }
        if (!IsNameStart(name[0]))
        {
            throw new ArgumentException($"Names must start with [_a-zA-Z] but \"{name}\" does not.");
        }
        return name;
    }

    /// <summary>As <see cref="AssertName"/>, and also rejects <c>true</c>, <c>false</c> and <c>null</c>, which would read as other literals.</summary>
    public static string AssertEnumValueName(string name)
    {
        if (name is "true" or "false" or "null") throw new ArgumentException($"Enum values cannot be named: {name}");
        return AssertName(name);
    }

    /// <summary>Whether <paramref name="name"/> is a valid GraphQL name.</summary>
    public static bool IsValidName(string? name) =>
        !string.IsNullOrEmpty(name) && IsNameStart(name[0]) && name.Skip(1).All(IsNameContinue);

    private static bool IsNameStart(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or '_';

    private static bool IsNameContinue(char c) => IsNameStart(c) || c is >= '0' and <= '9';
}
