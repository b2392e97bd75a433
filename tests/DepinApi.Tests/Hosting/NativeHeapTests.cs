using System.IO.Compression;
using System.Net;
using System.Runtime.InteropServices;
using DepinApi.Hosting;
using DepinApi.Tests.Infrastructure;

namespace DepinApi.Tests.Hosting;

/// <summary>
/// A started server keeps glibc from moving large freed blocks into its per-thread heaps (<see cref="NativeHeap"/>):
/// after a gzip response, whose compressor state is such a block, and after a larger block is freed, a block above the
/// fixed threshold is still given a mapping of its own. The C heap is the process's, so the server's setting is read
/// from the test process itself.
/// </summary>
public sealed class NativeHeapTests
{
    // Freed first: glibc would raise its threshold to this size (its ceiling is 32 MiB), past the probes below.
    private const int FreedFirstBytes = 31 * 1024 * 1024;

    // Far above a compressor's state, so that no free space the test process's heaps happen to hold can serve it
    // (a block of the state's own size may be cut from such space, whatever the threshold), yet below the raised one.
    private const int ProbeBytes = 16 * 1024 * 1024;

    // Should a heap still hold that much free space, the first probes take it and a later one shows the threshold.
    private const int Probes = 4;
    private const int PageBytes = 4096;

    [Fact]
    public async Task After_a_gzip_response_a_block_above_the_threshold_still_gets_a_mapping_of_its_own()
    {
        // Other C libraries have no threshold that moves, and the server leaves them alone.
        if (!IsGlibc())
            return;
        await using var factory = await ApiFactory.WithSeedDataAsync();
        using var client = factory.CreateClient(new() { AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/v1/projects");
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        await using (var body = new GZipStream(await response.Content.ReadAsStreamAsync(), CompressionMode.Decompress))
            await body.CopyToAsync(Stream.Null);

        Free(Allocate(FreedFirstBytes));
        var probes = new List<IntPtr>();
        try
        {
            for (var i = 0; i < Probes; i++)
            {
                probes.Add(Allocate(ProbeBytes));
                if (IsMappedOnItsOwn(probes[^1]))
                    return;
            }
            Assert.Fail($"{Probes} blocks of {ProbeBytes} bytes each came from a heap " +
                $"({string.Join(", ", probes.Select(UsableBytes))} usable bytes)");
        }
        finally
        {
            probes.ForEach(Free);
        }
    }

    [Theory]
    [InlineData("MALLOC_MMAP_THRESHOLD_", "1048576")]
    [InlineData("MALLOC_TRIM_THRESHOLD_", "1048576")]
    [InlineData("MALLOC_TOP_PAD_", "0")]
    [InlineData("MALLOC_MMAP_MAX_", "0")]
    [InlineData("GLIBC_TUNABLES", "glibc.malloc.mmap_threshold=1048576")]
    [InlineData("GLIBC_TUNABLES", "glibc.malloc.arena_max=2:glibc.malloc.trim_threshold=1048576")]
    public void The_operators_own_glibc_threshold_is_kept(string variable, string value)
    {
        Assert.False(NativeHeap.KeepLargeBlocksMapped(name => name == variable ? value : null));
    }

    [Theory]
    [InlineData("glibc.malloc.arena_max=2")]
    [InlineData("glibc.pthread.rseq=0:glibc.malloc.tcache_count=0")]
    public void Other_glibc_tunables_leave_the_threshold_to_the_server(string tunables)
    {
        // Only where the server could fix it: on Linux with glibc.
        if (!IsGlibc())
            return;
        Assert.True(NativeHeap.KeepLargeBlocksMapped(name => name == "GLIBC_TUNABLES" ? tunables : null));
    }

    // A block glibc maps on its own spans whole pages, of which the chunk's 16-byte header is not usable; a block cut
    // from a heap is rounded to 16 bytes, with 8 of them its header. So only a mapped block's usable size plus 16 is a
    // whole number of pages.
    private static bool IsMappedOnItsOwn(IntPtr block) => (UsableBytes(block) + 16) % PageBytes == 0;

    private static bool IsGlibc() =>
        NativeLibrary.TryLoad("libc.so.6", out var libc) && NativeLibrary.TryGetExport(libc, "gnu_get_libc_version", out _);

    private static IntPtr Allocate(int bytes)
    {
        var block = Marshal.AllocHGlobal(bytes);
        // Touched, as a compressor touches its state.
        Marshal.WriteByte(block, bytes - 1, 1);
        return block;
    }

    private static void Free(IntPtr block) => Marshal.FreeHGlobal(block);

    private static long UsableBytes(IntPtr block) => (long)MallocUsableSize(block);

    [DllImport("libc.so.6", EntryPoint = "malloc_usable_size")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern nuint MallocUsableSize(IntPtr block);
}
