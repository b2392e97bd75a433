using System.Globalization;
using DepinApi.ReadModel;
using DepinApi.Rest.Models;

namespace DepinApi.Rest.Infrastructure;

/// <summary>Answers with the JSON envelope or the CSV document of the same data.</summary>
public static class Representation
{
    /// <summary>One resource: <see cref="ItemResponse{T}"/> as JSON, or a one-row CSV.</summary>
    public static IResult Item<T>(ResponseFormat format, ReadSession session, T item, CsvColumns<T> columns, string fileName) =>
        format == ResponseFormat.Csv
            ? new CsvResult<T>([item], columns, FileName(fileName, session))
            : TypedResults.Ok(new ItemResponse<T>(Version(session), item));

    /// <summary>A list: <see cref="ListResponse{T}"/> as JSON, or every row of the page as CSV.</summary>
    public static IResult List<T>(ResponseFormat format, ReadSession session, IReadOnlyList<T> items, PageInfo page,
        CsvColumns<T> columns, string fileName) =>
        format == ResponseFormat.Csv
            ? new CsvResult<T>(items, columns, FileName(fileName, session))
            : TypedResults.Ok(new ListResponse<T>(Version(session), items, page));

    public static DataVersionRef Version(ReadSession session) => DataVersionRef.Of(session.Version, session.IsCurrent);

    /// <summary>"aethir-revenue" → "aethir-revenue-v3.csv": the version in the name keeps downloads of different vintages apart.</summary>
    public static string FileName(string stem, ReadSession session) =>
        string.Create(CultureInfo.InvariantCulture, $"{stem}-v{session.Version.Id}.csv");
}
