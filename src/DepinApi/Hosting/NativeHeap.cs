using System.Runtime.InteropServices;

namespace DepinApi.Hosting;

/// <summary>
/// Keeps the C library's allocator from holding on to large native blocks once they are freed, on Linux with glibc.
/// </summary>
/// <remarks>
/// <para>
/// Each gzip-compressed response allocates its compressor's state (about 350 KB) from the C heap and frees it when the
/// response ends. glibc serves a block that large from a mapping of its own and unmaps it on free, but the first time
/// it frees such a block it raises that threshold to the block's size, for good: from then on every compressor's state
/// comes from the heaps glibc keeps per thread, where small allocations made meanwhile pin the freed space and the
/// heaps only grow. Under 32 connections of gzip requests that was about 100 MB more resident memory (265–280 MB
/// against 165 MB), and a sequential walk of a thousand gzip pages left 21 MB behind (docs/performance.md, Means).
/// </para>
/// <para>
/// Setting the threshold explicitly (glibc's default, 128 KiB) turns that adjustment off, so large blocks keep their
/// own mappings and go back to the system when freed. The price is mapping them afresh each time: on the reference
/// machine a small gzip response took about 450 µs more CPU (Brotli's state is unaffected), which is why
/// <see cref="MemoryOptions.ReturnLargeNativeBlocks"/> can turn this off. Neither the runtime nor ASP.NET Core offers
/// a setting for it; glibc reads its own from the environment, and an operator who gives one that fixes the threshold
/// (<c>MALLOC_MMAP_THRESHOLD_</c>, <c>MALLOC_TRIM_THRESHOLD_</c>, <c>MALLOC_TOP_PAD_</c>, <c>MALLOC_MMAP_MAX_</c>, or
/// the same four as <c>glibc.malloc.*</c> entries of <c>GLIBC_TUNABLES</c>; each turns glibc's adjustment off) keeps it.
/// Other tunables (an arena count, say) leave the adjustment on, and the fix is still made. On other C libraries
/// (musl's allocator has no such threshold) and other systems nothing changes.
/// </para>
/// </remarks>
public static class NativeHeap
{
    /// <summary>glibc's own initial threshold, from which it would otherwise rise.</summary>
    public const int LargeBlockBytes = 128 * 1024;

    // M_MMAP_THRESHOLD in glibc's malloc.h.
    private const int MmapThresholdParameter = -3;

    // glibc's settings that fix the threshold, as environment variables and as tunables (mallopt(3): setting any of
    // these four turns the adjustment off).
    private static readonly string[] OperatorVariables = ["MALLOC_MMAP_THRESHOLD_", "MALLOC_TRIM_THRESHOLD_", "MALLOC_TOP_PAD_", "MALLOC_MMAP_MAX_"];
    private static readonly string[] OperatorTunables =
        ["glibc.malloc.mmap_threshold", "glibc.malloc.trim_threshold", "glibc.malloc.top_pad", "glibc.malloc.mmap_max"];

    /// <summary>Fixes the threshold unless the operator set glibc's own; whether it is now fixed by this call.</summary>
    /// <param name="environment">Reads an environment variable (the process's own by default).</param>
    public static bool KeepLargeBlocksMapped(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (!OperatingSystem.IsLinux() || OperatorFixedIt(environment))
            return false;
        try
        {
            // mallopt returns 1 on success.
            return SetAllocatorParameter(MmapThresholdParameter, LargeBlockBytes) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    // GLIBC_TUNABLES is a colon-separated list of name=value.
    private static bool OperatorFixedIt(Func<string, string?> environment) =>
        OperatorVariables.Any(name => environment(name) is not null)
        || (environment("GLIBC_TUNABLES") ?? "").Split(':').Any(tunable => OperatorTunables.Contains(tunable.Split('=')[0].Trim()));

    // DllImport rather than the source-generated LibraryImport, which would need unsafe code allowed in the whole
    // project for two ints that need no marshalling.
    [DllImport("libc.so.6", EntryPoint = "mallopt")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetAllocatorParameter(int parameter, int value);
}
