namespace GraphQLEngine.Benchmarks;

/// <summary>
/// A query of the size clients typically send: 30 fields, nested objects and lists, a fragment and variables.
/// With <see cref="BenchmarkSchema.Data"/> it returns 10 books with their author and 3 reviews each (about 330 values).
/// </summary>
internal static class TypicalQuery
{
    public const string Text = """
        query LibraryPage($id: ID!, $first: Int = 10, $genre: Genre) {
          library(id: $id) {
            id
            name
            totalBooks
            address { street city country }
            books(first: $first, genre: $genre) {
              __typename
              ...BookSummary
              author { id name born country }
              reviews(first: 3) {
                id
                rating
                body
                reviewer { id name }
              }
            }
          }
        }

        fragment BookSummary on Book {
          id
          title
          isbn
          pages
          rating
          genre
          publishedAt
          tags
        }
        """;

    public static IReadOnlyDictionary<string, object?> Variables { get; } = new Dictionary<string, object?> { ["id"] = "l1", ["first"] = 10 };
}
