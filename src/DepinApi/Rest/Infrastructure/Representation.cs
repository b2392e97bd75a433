using System.Globalization;
using DepinApi.ReadModel;
using DepinApi.Rest.Models;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DepinApi.Rest.Infrastructure;

/// <summary>Answers with the JSON envelope or the CSV document of the same data.</summary>
public static class Representation
{
    /// <summary>One resource: <see cref="ItemResponse{T}"/> as JSON, or a one-row CSV.</summary>
    public static Results<Ok<ItemResponse<T>>, CsvResult<T>> Item<T>(ResponseFormat format, ReadSession session, T item,
        CsvColumns<T> columns, string fileName) =>
        format == ResponseFormat.Csv ? ItemCsv(session, item, columns, fileName) : ItemJson(session, item);

    /// <summary>A list: <see cref="ListResponse{T}"/> as JSON, or every row of the page as CSV.</summary>
    public static Results<Ok<ListResponse<T>>, CsvResult<T>> List<T>(ResponseFormat format, ReadSession session,
        IReadOnlyList<T> items, PageInfo page, CsvColumns<T> columns, string fileName) =>
        format == ResponseFormat.Csv ? ListCsv(session, items, columns, fileName) : ListJson(session, items, page);

    public static Ok<ItemResponse<T>> ItemJson<T>(ReadSession session, T item) => TypedResults.Ok(new ItemResponse<T>(Version(session), item));

    public static CsvResult<T> ItemCsv<T>(ReadSession session, T item, CsvColumns<T> columns, string fileName) =>
        new([item], columns, FileName(fileName, session));

    public static Ok<ListResponse<T>> ListJson<T>(ReadSession session, IReadOnlyList<T> items, PageInfo page) =>
        TypedResults.Ok(new ListResponse<T>(Version(session), items, page));

    public static CsvResult<T> ListCsv<T>(ReadSession session, IReadOnlyList<T> items, CsvColumns<T> columns, string fileName) =>
        new(items, columns, FileName(fileName, session));

    public static DataVersionRef Version(ReadSession session) => DataVersionRef.Of(session.Version, session.IsCurrent);

    /// <summary>"aethir-revenue" → "aethir-revenue-v3.csv": the version in the name keeps downloads of different vintages apart.</summary>
    public static string FileName(string stem, ReadSession session) =>
        string.Create(CultureInfo.InvariantCulture, $"{stem}-v{session.Version.Id}.csv");
}
