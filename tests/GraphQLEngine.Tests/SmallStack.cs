using System.Runtime.ExceptionServices;

namespace GraphQLEngine.Tests;

/// <summary>
/// Runs code on a thread with a small stack, so that a test of deep input fails the same way on every machine:
/// recursion as deep as the input overflows it for certain, while a walk that iterates (or checks the stack and
/// refuses) comes back with an answer.
/// </summary>
internal static class SmallStack
{
    /// <summary>Half a megabyte: a third of a thread pool thread's stack on Linux.</summary>
    public const int Size = 512 * 1024;

    public static T Run<T>(Func<T> work)
    {
        T result = default!;
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = work();
            }
            catch (Exception exception)
            {
                failure = ExceptionDispatchInfo.Capture(exception);
            }
        }, Size);
        thread.Start();
        thread.Join();
        failure?.Throw();
        return result;
    }
}
