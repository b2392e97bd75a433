namespace GraphQLEngine.TestServer;

public sealed record Author(string Id, string Name);

public sealed record Book(string Id, string Title, Author Author);

/// <summary>A fixed, generated catalogue: enough books to page through.</summary>
public static class Library
{
    public static IReadOnlyList<Author> Authors { get; } =
        Enumerable.Range(1, 5).Select(i => new Author($"author-{i}", $"Author {i}")).ToList();

    public static IReadOnlyList<Book> Books { get; } =
        Enumerable.Range(1, 250).Select(i => new Book($"book-{i}", $"Book {i}", Authors[i % Authors.Count])).ToList();

    /// <summary>The first <paramref name="first"/> or last <paramref name="last"/> of <paramref name="items"/>.</summary>
    public static IEnumerable<T> Page<T>(IEnumerable<T> items, int? first, int? last)
    {
        var list = items.ToList();
        if (first is { } f) return list.Take(Math.Max(f, 0));
        if (last is { } l) return list.TakeLast(Math.Max(l, 0));
        return list;
    }
}
