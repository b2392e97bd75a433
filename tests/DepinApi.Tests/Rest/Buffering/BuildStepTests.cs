using System.IO.Pipelines;
using DepinApi.Rest.Infrastructure;

namespace DepinApi.Tests.Rest.Buffering;

/// <summary>
/// A buffered REST response is built in steps (<see cref="BoundedResponseStream"/>): after every <c>stepBytes</c>
/// written asynchronously the build may give its turn to a newcomer; what is written is kept whole either way.
/// </summary>
public sealed class BuildStepTests
{
    [Fact]
    public async Task Every_step_of_written_bytes_passes_between_steps_once_and_the_content_is_kept_whole()
    {
        var steps = 0;
        await using var stream = new BoundedResponseStream(memoryThreshold: 1024, limit: 1 << 20, stepBytes: 32 * 1024,
            betweenSteps: _ => { steps++; return ValueTask.CompletedTask; });
        var content = Enumerable.Range(0, 100 * 1024).Select(i => (byte)(i % 251)).ToArray();

        for (var offset = 0; offset < content.Length; offset += 10 * 1024)
            await stream.WriteAsync(content.AsMemory(offset, Math.Min(10 * 1024, content.Length - offset)));

        // 40 KiB and 80 KiB crossed a step; the last 20 KiB did not.
        Assert.Equal(2, steps);
        using var drained = new MemoryStream();
        await stream.DrainAsync(PipeWriter.Create(drained), CancellationToken.None);
        Assert.Equal(content, drained.ToArray());
    }

    [Fact]
    public async Task Without_a_step_size_no_build_gives_way()
    {
        var steps = 0;
        await using var stream = new BoundedResponseStream(1024, 1 << 20, stepBytes: 0,
            betweenSteps: _ => { steps++; return ValueTask.CompletedTask; });

        await stream.WriteAsync(new byte[256 * 1024]);

        Assert.Equal(0, steps);
    }
}
