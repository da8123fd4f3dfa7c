using System.Collections.Concurrent;

namespace ParHub.Web.Shared;

/// <summary>
/// Enumerates a source on a thread of its own, up to <c>capacity</c> items ahead of the consumer: reading and checking
/// a file's rows while the database takes the previous ones (a bulk import then uses both cores). The source's
/// exception is thrown to the consumer; a consumer that stops early stops the source.
/// </summary>
public static class ReadAhead
{
    public static IEnumerable<T> Of<T>(IEnumerable<T> source, int capacity)
    {
        using var queue = new BlockingCollection<T>(capacity);
        using var stop = new CancellationTokenSource();
        Exception? failed = null;
        var producer = Task.Run(() =>
        {
            try
            {
                foreach (var item in source) queue.Add(item, stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
            catch (Exception e) { failed = e; }
            finally { queue.CompleteAdding(); }
        });
        try
        {
            foreach (var item in queue.GetConsumingEnumerable()) yield return item;
            producer.Wait();
            if (failed is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failed);
        }
        finally
        {
            stop.Cancel();
            try { producer.Wait(); } catch (AggregateException) { }
        }
    }
}
