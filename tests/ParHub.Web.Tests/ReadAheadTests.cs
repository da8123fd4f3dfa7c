using ParHub.Web.Shared;

namespace ParHub.Web.Tests;

/// <summary>The read-ahead of bulk imports: every item in order, the source's failure thrown to the reader, an early stop stops the source.</summary>
public sealed class ReadAheadTests
{
    [Fact]
    public void Every_item_arrives_in_order_however_small_the_buffer()
    {
        Assert.Equal(Enumerable.Range(0, 10_000), ReadAhead.Of(Enumerable.Range(0, 10_000), 3));
        Assert.Empty(ReadAhead.Of(Array.Empty<int>(), 3));
    }

    [Fact]
    public void The_sources_failure_reaches_the_reader_after_the_items_before_it()
    {
        static IEnumerable<int> Failing()
        {
            yield return 1;
            yield return 2;
            throw new InvalidDataException("dòng 3 hỏng");
        }
        var seen = new List<int>();
        var e = Assert.Throws<InvalidDataException>(() => { foreach (var x in ReadAhead.Of(Failing(), 10)) seen.Add(x); });
        Assert.Equal("dòng 3 hỏng", e.Message);
        Assert.Equal([1, 2], seen);
    }

    [Fact]
    public void A_reader_that_stops_early_stops_the_source()
    {
        var produced = 0;
        IEnumerable<int> Endless() { while (true) yield return Interlocked.Increment(ref produced); }
        Assert.Equal([1, 2, 3], ReadAhead.Of(Endless(), 5).Take(3));
        var after = Volatile.Read(ref produced);
        Thread.Sleep(100);
        Assert.Equal(after, Volatile.Read(ref produced));
        Assert.True(after <= 3 + 5 + 1);
    }
}
