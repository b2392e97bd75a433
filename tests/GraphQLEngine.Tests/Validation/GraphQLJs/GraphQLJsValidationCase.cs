using GraphQLEngine.Tests.Validation.Harness;

namespace GraphQLEngine.Tests.Validation.GraphQLJs;

/// <summary>
/// One document from graphql-js's validation tests: the rule run, the test it comes from, the schema
/// (an index into <see cref="GraphQLJsValidationCases.Schemas"/>, or -1 for the harness schema), and graphql-js's errors.
/// </summary>
internal sealed record GraphQLJsValidationCase(string Rule, string Test, int SchemaIndex, string Query, ExpectedError[] Errors);
