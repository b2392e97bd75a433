using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.Docs;

/// <summary>
/// Every sample command in README.md and docs/*.md runs against a fresh database with the seed data, so the docs cannot
/// drift from the service. What counts as a sample, in any code block (fenced or indented by four spaces):
/// <list type="bullet">
/// <item>a line starting with <c>curl</c> (continued with a trailing <c>\</c>): sent to an API over a fresh database
/// (WebApplicationFactory; only the scheme, host and port of its URL are replaced) and expected to answer 2xx;</item>
/// <item><c>dotnet run --project src/DepinApi … -- &lt;verb&gt; …</c>: run as written (plus <c>--no-build</c>) from the
/// repository root, over a fresh database of its own, and expected to exit 0.</item>
/// </list>
/// Conventions, written in the doc itself: a trailing comment <c># expect 404</c> (any status) says the sample answers
/// that status on purpose; <c># no-run: why</c> skips one command, and a fence info string containing <c>no-run</c>
/// (<c>```sh no-run</c>) skips a whole block, for snippets that cannot run here (placeholders, other machines).
/// Other commands in code blocks (builds, benchmarks, <c>dotnet test</c>) are not samples of the API and are ignored.
/// </summary>
public partial class DocSampleTests(DocSampleTests.Api api) : IClassFixture<DocSampleTests.Api>
{
    /// <summary>What <c>$KEY</c> stands for in the samples: an API key the test's server is configured with.</summary>
    public const string Key = "doc-sample-key";

    /// <summary>The API as a reader runs it (rate limits on), over the seed data, with <see cref="Key"/> issued.</summary>
    public sealed class Api : IAsyncLifetime
    {
        private ApiFactory? factory;

        public HttpClient Client { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            factory = await ApiFactory.WithSeedDataAsync(new Dictionary<string, string?>
            {
                ["RateLimiting:ApiKeys:0:Name"] = "docs",
                ["RateLimiting:ApiKeys:0:Sha256"] = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(Key))),
            });
            Client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        }

        public async Task DisposeAsync()
        {
            Client.Dispose();
            if (factory is not null)
                await factory.DisposeAsync();
        }
    }

    public static TheoryData<string> HttpSamples() => Ids(DocSamples.All().Where(s => s.Kind == DocSampleKind.Curl));

    public static TheoryData<string> CliSamples() => Ids(DocSamples.All().Where(s => s.Kind == DocSampleKind.Cli));

    [Fact]
    public void The_docs_have_samples_of_both_kinds()
    {
        Assert.True(HttpSamples().Count >= 20, $"only {HttpSamples().Count} curl samples found");
        Assert.NotEmpty(CliSamples());
    }

    [Theory]
    [MemberData(nameof(HttpSamples))]
    public async Task Every_curl_sample_answers_as_the_doc_says(string id)
    {
        var sample = DocSamples.All().Single(s => s.Id == id);
        using var request = CurlCommand.Parse(sample.Command.Replace("${KEY}", Key, StringComparison.Ordinal).Replace("$KEY", Key, StringComparison.Ordinal));
        var response = await api.Client.SendAsync(request);
        // As curl -L does: GET the Location of each redirect, a few times at most.
        for (var hops = 0; hops < 5 && request.Options.TryGetValue(CurlCommand.FollowRedirects, out var follow) && follow
             && (int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location; hops++)
        {
            response.Dispose();
            response = await api.Client.GetAsync(location);
        }
        using var answer = response;
        var body = await response.Content.ReadAsStringAsync();
        var status = (int)response.StatusCode;
        if (sample.ExpectedStatus is { } expected)
            Assert.True(status == expected, $"{sample.Id}: expected {expected}, got {status}: {Shorten(body)}");
        else
            Assert.True(status is >= 200 and < 300, $"{sample.Id}: {sample.Command}\n→ {status}: {Shorten(body)}");
        // A CSV of only its header row shows a reader nothing: a sample answers rows.
        if (response.Content.Headers.ContentType?.MediaType == "text/csv" && sample.ExpectedStatus is null)
            Assert.True(body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length > 1,
                $"{sample.Id}: {sample.Command}\n→ a header row and no data: {Shorten(body)}");
        // GraphQL answers 200 with "errors" to an application/json client: a sample that errs is no sample.
        if (request.RequestUri!.AbsolutePath == "/graphql" && sample.ExpectedStatus is null)
            Assert.False(System.Text.Json.JsonDocument.Parse(body).RootElement.TryGetProperty("errors", out var errors),
                $"{sample.Id}: {sample.Command}\n→ errors: {Shorten(errors.ToString())}");
    }

    [Theory]
    [MemberData(nameof(CliSamples))]
    public async Task Every_cli_sample_succeeds_from_the_repository_root(string id)
    {
        var sample = DocSamples.All().Single(s => s.Id == id);
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        try
        {
            // The command as written, from the repository root (dotnet run itself decides the app's working directory,
            // which is what a reader gets), with --no-build and the configuration the tests were built in added.
            var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
            var start = new ProcessStartInfo("dotnet") { WorkingDirectory = RepositoryPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in DocSamples.CliArguments(sample.Command, configuration))
                start.ArgumentList.Add(argument);
            start.Environment["ConnectionStrings__Depin"] = connectionString;
            start.Environment["ConnectionStrings__DepinAdmin"] = connectionString;
            start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(timeout.Token);
            Assert.True(process.ExitCode == (sample.ExpectedStatus ?? 0),
                $"{sample.Id}: {sample.Command}\nexit {process.ExitCode}\n{Shorten(await output)}\n{Shorten(await error)}");
        }
        finally
        {
            await TestPostgres.DropDatabaseAsync(connectionString);
        }
    }

    private static TheoryData<string> Ids(IEnumerable<DocSample> samples)
    {
        var data = new TheoryData<string>();
        foreach (var sample in samples)
            data.Add(sample.Id);
        return data;
    }

    private static string Shorten(string text) => text.Length <= 1500 ? text : text[..1500] + " …";
}

public enum DocSampleKind
{
    Curl,
    Cli,
}

/// <param name="Id">file:line, the test case's name.</param>
public sealed record DocSample(string Id, DocSampleKind Kind, string Command, int? ExpectedStatus);

/// <summary>Finds the samples in README.md and docs/*.md (see <see cref="DocSampleTests"/> for the conventions).</summary>
public static partial class DocSamples
{
    private static readonly Lazy<IReadOnlyList<DocSample>> Found = new(Find);

    public static IReadOnlyList<DocSample> All() => Found.Value;

    /// <summary>
    /// The arguments of <c>dotnet</c> for <c>dotnet run --project src/DepinApi … -- verb …</c>: as written, with
    /// <c>--no-build</c> and <c>-c <paramref name="configuration"/></c> (unless the doc names one) before the <c>--</c>.
    /// </summary>
    public static IReadOnlyList<string> CliArguments(string command, string configuration)
    {
        var words = CurlCommand.Split(command).Skip(1).ToList();
        var separator = words.IndexOf("--");
        var options = words[..separator];
        var added = new List<string> { "--no-build" };
        if (!options.Contains("-c") && !options.Contains("--configuration"))
            added.AddRange(["-c", configuration]);
        return [.. options, .. added, .. words[separator..]];
    }

    private static List<DocSample> Find()
    {
        var files = new[] { Path.Combine(RepositoryPaths.Root, "README.md") }
            .Concat(Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "docs"), "*.md").Order(StringComparer.Ordinal));
        var samples = new List<DocSample>();
        foreach (var file in files)
            samples.AddRange(InFile(file, Path.GetRelativePath(RepositoryPaths.Root, file).Replace('\\', '/')));
        return samples;
    }

    private static IEnumerable<DocSample> InFile(string path, string name)
    {
        var lines = File.ReadAllLines(path);
        string? fence = null;
        var skipBlock = false;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.TrimStart();
            if (trimmed.StartsWith("```", StringComparison.Ordinal))
            {
                if (fence is null)
                {
                    fence = trimmed;
                    skipBlock = trimmed.Contains("no-run", StringComparison.Ordinal);
                }
                else
                {
                    fence = null;
                }
                continue;
            }
            var inIndentedBlock = fence is null && line.StartsWith("    ", StringComparison.Ordinal) && (i == 0 || lines[i - 1].Trim().Length == 0 || lines[i - 1].StartsWith("    ", StringComparison.Ordinal));
            if ((fence is null && !inIndentedBlock) || (fence is not null && skipBlock))
                continue;
            var start = i;
            var command = new StringBuilder(trimmed.TrimEnd());
            while (i + 1 < lines.Length)
            {
                if (command.Length > 0 && command[^1] == '\\')
                {
                    command.Length--;
                    command.Append(' ').Append(lines[++i].Trim());
                }
                else if (QuoteOpen(command.ToString()))
                {
                    // A quoted argument that goes on over several lines, like a JSON body.
                    command.Append('\n').Append(lines[++i]);
                }
                else
                {
                    break;
                }
            }
            var text = command.ToString().Trim();
            if (text.StartsWith("$ ", StringComparison.Ordinal))
                text = text[2..];
            DocSampleKind kind;
            if (text.StartsWith("curl ", StringComparison.Ordinal))
                kind = DocSampleKind.Curl;
            else if (CliCommand().IsMatch(text))
                kind = DocSampleKind.Cli;
            else
                continue;
            var (commandOnly, comment) = SplitComment(text);
            if (comment.StartsWith("no-run", StringComparison.Ordinal))
                continue;
            var expect = ExpectComment().Match(comment);
            yield return new DocSample($"{name}:{start + 1}", kind, commandOnly, expect.Success ? int.Parse(expect.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null);
        }
    }

    private static bool QuoteOpen(string text)
    {
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                if (c == '\\' && quote == '"') i++;
                else if (c == quote) quote = null;
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '#' && (i == 0 || text[i - 1] == ' '))
            {
                // A comment: its apostrophes ("Aethir's") open no quote.
                return false;
            }
        }
        return quote is not null;
    }

    /// <summary>The command and its trailing shell comment (a <c>#</c> outside quotes, after a space).</summary>
    private static (string Command, string Comment) SplitComment(string text)
    {
        char? quote = null;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                if (c == '\\' && quote == '"')
                    i++;
                else if (c == quote)
                    quote = null;
            }
            else if (c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '#' && i > 0 && text[i - 1] == ' ')
            {
                return (text[..i].TrimEnd(), text[(i + 1)..].Trim());
            }
        }
        return (text, "");
    }

    [GeneratedRegex(@"^dotnet run .*--project src/DepinApi\b.* -- \S")]
    private static partial Regex CliCommand();

    [GeneratedRegex(@"^expect (\d{3})\b")]
    private static partial Regex ExpectComment();
}

/// <summary>The part of curl the docs use, turned into an HttpRequestMessage with a relative URL.</summary>
public static class CurlCommand
{
    /// <summary>Whether the command asks curl to follow redirects (<c>-L</c>).</summary>
    public static readonly HttpRequestOptionsKey<bool> FollowRedirects = new("curl-follow-redirects");

    public static HttpRequestMessage Parse(string command)
    {
        var words = Split(command);
        string? url = null;
        var method = HttpMethod.Get;
        var headers = new List<(string Name, string Value)>();
        var data = new List<string>();
        var asQuery = false;
        var follow = false;
        for (var i = 1; i < words.Count; i++)
        {
            var word = words[i];
            switch (word)
            {
                case "-s" or "-i" or "-si" or "-is" or "-sS" or "--compressed" or "-f" or "-v":
                    break;
                case "-L" or "--location":
                    follow = true;
                    break;
                case "-w" or "--write-out":
                    i++;
                    break;
                case "|":
                    // What the shell does with the answer (grep, jq) is the reader's; the request ends here.
                    i = words.Count;
                    break;
                case "-I" or "--head":
                    method = HttpMethod.Head;
                    break;
                case "-G" or "--get":
                    asQuery = true;
                    break;
                case "-H" or "--header":
                    var header = words[++i];
                    var colon = header.IndexOf(':', StringComparison.Ordinal);
                    headers.Add((header[..colon].Trim(), header[(colon + 1)..].Trim()));
                    break;
                case "-d" or "--data" or "--data-raw" or "--data-binary":
                    data.Add(words[++i]);
                    break;
                case "--data-urlencode":
                    var pair = words[++i];
                    var equals = pair.IndexOf('=', StringComparison.Ordinal);
                    data.Add(equals < 0 ? Uri.EscapeDataString(pair) : pair[..(equals + 1)] + Uri.EscapeDataString(pair[(equals + 1)..]));
                    break;
                case "-X" or "--request":
                    method = new HttpMethod(words[++i]);
                    break;
                case "-o" or "--output":
                    i++;
                    break;
                default:
                    if (word.StartsWith('-'))
                        throw new NotSupportedException($"curl option {word} is not understood by the doc sample test: {command}");
                    url = word;
                    break;
            }
        }
        if (url is null)
            throw new InvalidOperationException("no URL in " + command);
        // Only the scheme, host and port are replaced: the path and query go to the test server as written.
        var target = new Uri(url).PathAndQuery;
        if (asQuery && data.Count > 0)
            target += (target.Contains('?', StringComparison.Ordinal) ? "&" : "?") + string.Join('&', data);
        else if (data.Count > 0 && method == HttpMethod.Get)
            method = HttpMethod.Post;
        var request = new HttpRequestMessage(method, target);
        request.Options.Set(FollowRedirects, follow);
        if (!asQuery && data.Count > 0)
        {
            var contentType = headers.FirstOrDefault(h => h.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value
                              ?? "application/x-www-form-urlencoded";
            request.Content = new StringContent(string.Join('&', data), Encoding.UTF8);
            request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        }
        foreach (var (name, value) in headers.Where(h => !h.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
            request.Headers.TryAddWithoutValidation(name, value);
        return request;
    }

    /// <summary>Shell words: single quotes literal, double quotes with <c>\"</c>, unquoted words split on spaces.</summary>
    public static List<string> Split(string command)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        char? quote = null;
        for (var i = 0; i < command.Length; i++)
        {
            var c = command[i];
            if (quote == '\'')
            {
                if (c == '\'') quote = null;
                else word.Append(c);
            }
            else if (quote == '"')
            {
                if (c == '"') quote = null;
                else if (c == '\\' && i + 1 < command.Length && command[i + 1] is '"' or '\\' or '$') word.Append(command[++i]);
                else word.Append(c);
            }
            else if (c is '\'' or '"')
            {
                quote = c;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord) words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }
        if (inWord) words.Add(word.ToString());
        return words;
    }
}
