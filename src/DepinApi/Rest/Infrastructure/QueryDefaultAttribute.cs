namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// The value a query parameter means when it is left out, declared on the handler's parameter (or
/// <c>[AsParameters]</c> property) that binds it, where <see cref="QueryParameterCatalog"/> reads it. Written out, that
/// value asks the same query as leaving the parameter out, so a cursor holds for both spellings
/// (<see cref="CursorScope"/>). The handler reads an absent value as the same constant the attribute names.
/// </summary>
/// <remarks>
/// Not <see cref="System.ComponentModel.DefaultValueAttribute"/>: the OpenAPI generator would write that into the
/// document as the schema's <c>default</c>, which Swagger UI's "Try it out" fills in, where the document leaves an
/// optional parameter's field empty (<c>ParameterDocsFilter</c>).
/// </remarks>
[AttributeUsage(AttributeTargets.Parameter | AttributeTargets.Property)]
public sealed class QueryDefaultAttribute(string value) : Attribute
{
    public string Value { get; } = value;
}
