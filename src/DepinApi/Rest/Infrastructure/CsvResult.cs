using Microsoft.Net.Http.Headers;

namespace DepinApi.Rest.Infrastructure;

/// <summary>
/// Writes rows as an RFC 4180 CSV document to the response body as they arrive. For /v1 that body
/// is the bounded response buffer (<see cref="ReadThenWriteMiddleware"/>): rows go from the
/// database to the buffer, never to a slow client while the snapshot is open. The header row
/// names the JSON fields.
/// </summary>
public sealed class CsvResult<T>(IAsyncEnumerable<T> rows, IReadOnlyList<CsvColumn<T>> columns, string fileName) : IResult, IStatusCodeHttpResult
{
    /// <summary>The media type sent; <c>header=present</c> tells spreadsheet tools that the first row names the columns.</summary>
    public const string ContentType = "text/csv; charset=utf-8; header=present";

    public CsvResult(IEnumerable<T> rows, IReadOnlyList<CsvColumn<T>> columns, string fileName)
        : this(ToAsync(rows), columns, fileName)
    {
    }

    public string FileName { get; } = fileName;

    /// <summary>Always 200: a CSV document is only produced for a successful request.</summary>
    public int? StatusCode => StatusCodes.Status200OK;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        var cancellationToken = httpContext.RequestAborted;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.Headers.ContentDisposition = FileDisposition.Of(FileDisposition.Attachment, FileName);

        var body = response.Body;
        using var writer = new CsvUtf8Writer();
        for (var i = 0; i < columns.Count; i++)
            writer.WriteField(columns[i].Name);
        writer.EndRecord();

        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            for (var i = 0; i < columns.Count; i++)
                writer.WriteField(columns[i].Value(row));
            writer.EndRecord();
            // Blocks of a few hundred rows keep the client fed without a write per row.
            if (writer.IsBlockFull)
            {
                await body.WriteAsync(writer.Pending, cancellationToken);
                writer.Clear();
            }
        }
        await body.WriteAsync(writer.Pending, cancellationToken);
        await body.FlushAsync(cancellationToken);
    }

    private static async IAsyncEnumerable<T> ToAsync(IEnumerable<T> rows)
    {
        foreach (var row in rows)
            yield return row;
        await Task.CompletedTask;
    }
}
