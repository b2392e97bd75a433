using System.Buffers.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using DepinApi.Rest;
using DepinApi.Rest.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LibraryChoices;

/// <summary>
/// A page cursor written and read back: <see cref="CursorCodec"/> (position in the clear, a 16-byte HMAC-SHA256 tag
/// over scope and position) against ASP.NET Core Data Protection (position encrypted with AES-256-CBC and
/// HMAC-SHA256 under a key ring, the scope as the protector's purpose).
/// </summary>
[MemoryDiagnoser]
public class CursorComparison
{
    private const string Scope = "/v1/revenue\nmetric=quarterly_revenue\nquarter=2026Q2";
    private static readonly string[] Position = ["2026Q2", "helium", "helium-2026q2-quarterly-revenue"];

    private CursorCodec codec = null!;
    private IDataProtector protector = null!;
    private string ourCursor = "";
    private string protectedCursor = "";

    [GlobalSetup]
    public void Setup()
    {
        (codec, protector) = Create();
        ourCursor = codec.Create(Scope, Position);
        protectedCursor = Protect(protector, Position);
    }

    internal static (CursorCodec Codec, IDataProtector Protector) Create()
    {
        var codec = new CursorCodec(Options.Create(new RestOptions { CursorKey = Convert.ToBase64String(new byte[32]) }));
        // Replicas would share the key ring through a folder or Redis (PersistKeysTo…) and one application name.
        var services = new ServiceCollection();
        services.AddDataProtection().SetApplicationName("depin-api")
            .PersistKeysToFileSystem(Directory.CreateTempSubdirectory("depin-cursor-keys-"));
        var provider = services.BuildServiceProvider().GetRequiredService<IDataProtectionProvider>();
        return (codec, provider.CreateProtector("cursor", Scope));
    }

    private static string Protect(IDataProtector protector, IReadOnlyList<string> position) =>
        Base64Url.EncodeToString(protector.Protect(JsonSerializer.SerializeToUtf8Bytes(position)));

    [Benchmark(Baseline = true)]
    public IReadOnlyList<string> CursorCodec_create_and_open() => codec.Open(Scope, codec.Create(Scope, Position));

    [Benchmark]
    public IReadOnlyList<string> DataProtection_create_and_open() =>
        JsonSerializer.Deserialize<string[]>(protector.Unprotect(Base64Url.DecodeFromChars(Protect(protector, Position))))!;

    public static int PrintLengths()
    {
        var (codec, protector) = Create();
        var ours = codec.Create(Scope, Position);
        var theirs = Protect(protector, Position);
        Console.WriteLine($"position: {JsonSerializer.Serialize(Position)}");
        Console.WriteLine($"CursorCodec:     {ours.Length,4} characters  {ours}");
        Console.WriteLine($"Data Protection: {theirs.Length,4} characters  {theirs}");
        return 0;
    }
}
