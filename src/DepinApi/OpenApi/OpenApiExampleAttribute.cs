namespace DepinApi.OpenApi;

/// <summary>
/// An example value for a parameter or a response property whose name has no standard example
/// (see <see cref="StandardParameters"/> and <see cref="StandardPropertyExamples"/>). Written as text;
/// it is converted to the parameter's or property's JSON type in the document.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property | AttributeTargets.Field)]
public sealed class OpenApiExampleAttribute(string value) : Attribute
{
    /// <summary>The example as it would appear in a URL or in the JSON value's text form.</summary>
    public string Value { get; } = value;
}
