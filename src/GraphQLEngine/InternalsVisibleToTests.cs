using System.Runtime.CompilerServices;

// The response-size limit is measured on the writer itself, where a test can count what writing allocated.
[assembly: InternalsVisibleTo("GraphQLEngine.Tests")]
