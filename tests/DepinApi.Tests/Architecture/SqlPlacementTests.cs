using System.Text.RegularExpressions;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.Architecture;

/// <summary>
/// SQL is written in the read model (and the writers and infrastructure that are SQL by nature), never in endpoints,
/// GraphQL resolvers or domain code: docs/contributing.md, "Where SQL lives".
/// </summary>
public partial class SqlPlacementTests
{
    /// <summary>The folders under src/ that may hold SQL, and why.</summary>
    private static readonly string[] AllowedFolders =
    [
        "DepinApi/ReadModel/",          // every read the API answers from
        "DepinApi/GraphQL/Compiled/",   // the compiled GraphQL path's statement builder
        "DepinApi/Import/",             // the importer: the only writer of data
        "DepinApi/Database/",           // migrator, roles, data-version tracking, the embedded cluster
    ];

    [Fact]
    public void No_source_file_outside_the_allowed_folders_holds_sql()
    {
        var offending = SourceFiles()
            .Where(f => !AllowedFolders.Any(f.Relative.StartsWith))
            .SelectMany(f => SqlIn(f.Text).Select(sql => $"{f.Relative}: {sql}"))
            .ToList();
        Assert.True(offending.Count == 0,
            "SQL outside src/DepinApi/ReadModel (see docs/contributing.md, \"Where SQL lives\"):\n" + string.Join("\n", offending));
    }

    [Fact]
    public void The_detector_finds_the_sql_of_the_read_model()
    {
        // Without this the test above would also pass if the pattern matched nothing at all.
        var readModel = SourceFiles().Where(f => f.Relative.StartsWith("DepinApi/ReadModel/ReadSession.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(readModel);
        // The session's queries, not its plumbing (ReadSession.cs runs commands; ReadSession.Advance.cs queues them).
        var queries = readModel.Where(f => !f.Relative.EndsWith("ReadSession.cs", StringComparison.Ordinal)
                                           && !f.Relative.EndsWith("ReadSession.Advance.cs", StringComparison.Ordinal)).ToList();
        Assert.True(queries.Count >= 5, $"Expected the read model's query files, found {queries.Count}.");
        Assert.All(queries, f => Assert.NotEmpty(SqlIn(f.Text)));
    }

    [Theory]
    [InlineData("var sql = \"SELECT id FROM projects\";")]
    [InlineData("QueryAsync($\"SELECT {columns} FROM {table} x WHERE x.id = @id\", …)")]
    [InlineData("var sql = \"\"\"\n    SELECT p.slug,\n           p.name\n    FROM projects p\n    \"\"\";")]
    [InlineData("command.CommandText = \"INSERT INTO data_versions DEFAULT VALUES\";")]
    [InlineData("\"UPDATE projects SET name = @name\"")]
    [InlineData("\"DELETE FROM evidence\"")]
    [InlineData("\"WITH recent AS (SELECT 1) SELECT * FROM recent\"")]
    public void The_detector_recognises_sql(string code) => Assert.NotEmpty(SqlIn(code));

    [Theory]
    [InlineData("// SELECT the newest row FROM the list: a comment, not a command")]
    [InlineData("/// <summary>Selects projects from the list.</summary>")]
    [InlineData("var message = \"Select a project from the list\";")]
    [InlineData("return Results.Ok(new { select = 1, from = 2 });")]
    public void The_detector_ignores_prose_and_comments(string code) => Assert.Empty(SqlIn(code));

    private static IEnumerable<(string Relative, string Text)> SourceFiles()
    {
        var src = Path.Combine(RepositoryPaths.Root, "src");
        return Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Select(path => (Relative: Path.GetRelativePath(src, path).Replace('\\', '/'), Path: path))
            .Where(f => !f.Relative.Contains("/obj/", StringComparison.Ordinal) && !f.Relative.Contains("/bin/", StringComparison.Ordinal))
            .Select(f => (f.Relative, File.ReadAllText(f.Path)));
    }

    /// <summary>
    /// The SQL commands in C# text: upper-case keywords in the shapes a command takes (SELECT … FROM, INSERT INTO,
    /// UPDATE … SET, DELETE FROM), outside comments. Keywords are matched case-sensitively, so prose ("Select a
    /// project from …") does not count, and SELECT … FROM may span the lines of a raw string literal.
    /// </summary>
    private static List<string> SqlIn(string code)
    {
        var withoutComments = LineComment().Replace(code, "");
        return Command().Matches(withoutComments).Select(m => Regex.Replace(m.Value, @"\s+", " ")).ToList();
    }

    [GeneratedRegex(@"(?m)//.*$")]
    private static partial Regex LineComment();

    [GeneratedRegex(@"\bSELECT\b[^;]{0,600}?\bFROM\b|\bINSERT INTO\b|\bUPDATE\s+\w+\s+SET\b|\bDELETE FROM\b")]
    private static partial Regex Command();
}
