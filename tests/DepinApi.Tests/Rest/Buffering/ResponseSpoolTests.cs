using System.IO.Pipelines;
using DepinApi.Rest.Infrastructure;

namespace DepinApi.Tests.Rest.Buffering;

/// <summary>
/// A response being built is held in memory up to its threshold and in a temporary file beyond it
/// (<see cref="ResponseSpool"/>); whatever the sizes of the writes, the client gets every byte in order.
/// </summary>
public sealed class ResponseSpoolTests
{
    public static TheoryData<int, int, int> Sizes => new()
    {
        // threshold, response length, write size (memory chunks double from 4 KiB: 4, 4, 8, 16 … 64 KiB)
        { 256 * 1024, 0, 1 },
        { 256 * 1024, 2_117, 4096 },
        { 256 * 1024, 256 * 1024, 32 * 1024 },       // exactly the threshold: stays in memory
        { 256 * 1024, 256 * 1024 + 1, 32 * 1024 },   // one byte more: the file
        { 256 * 1024, 3_000_017, 33_081 },           // a CSV export's blocks
        { 256 * 1024, 1_000_000, 1 },                // byte by byte
        { 256 * 1024, 5 * 64 * 1024, 64 * 1024 },    // whole chunks only
        { 1024, 100 * 1024, 10 * 1024 },             // a threshold below a chunk
        { 0, 9_000, 700 },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Every_byte_written_is_drained_in_order(int threshold, int length, int writeSize)
    {
        var content = Pattern(length);
        using var spool = new ResponseSpool(threshold);
        for (var offset = 0; offset < length; offset += writeSize)
            spool.Write(content.AsSpan(offset, Math.Min(writeSize, length - offset)));

        using var client = new MemoryStream();
        await spool.DrainAsync(PipeWriter.Create(client), CancellationToken.None);

        Assert.Equal(content, client.ToArray());
        Assert.Equal(length > Math.Max(threshold, 4096), spool.Spilled);
    }

    [Fact]
    public void The_temporary_file_has_no_name_left_behind()
    {
        var folder = Directory.CreateTempSubdirectory("depin-spool-").FullName;
        using (var spool = new ResponseSpool(64 * 1024, folder))
        {
            spool.Write(Pattern(500_000));

            Assert.True(spool.Spilled);
            if (!OperatingSystem.IsWindows())
                Assert.Empty(Directory.GetFiles(folder));
        }
        Assert.Empty(Directory.GetFiles(folder));
        Directory.Delete(folder);
    }

    private static byte[] Pattern(int length) => Enumerable.Range(0, length).Select(i => (byte)(i * 7 % 251)).ToArray();
}
