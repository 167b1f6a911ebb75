using OutcomesLab.Ingest;

namespace OutcomesLab.Ingest.Tests;

/// <summary>The hand-off between reading a file and writing its stage rows on a second thread.</summary>
public sealed class StagePipeTests
{
    [Fact]
    public void Every_record_reaches_the_sink_once_and_in_order()
    {
        var seen = new List<int>();
        var sinkThread = -1;
        using (var pipe = new StagePipe<object>(o => { seen.Add((int)o); sinkThread = Environment.CurrentManagedThreadId; }))
        {
            // Several full blocks and a partial last one.
            for (var i = 0; i < 10_000; i++) pipe.Add(i);
            pipe.Complete();
        }
        Assert.Equal(Enumerable.Range(0, 10_000), seen);
        Assert.NotEqual(Environment.CurrentManagedThreadId, sinkThread);
    }

    [Fact]
    public void A_failing_sink_surfaces_to_the_caller_without_hanging_it()
    {
        using var pipe = new StagePipe<object>(o => { if ((int)o == 5_000) throw new InvalidOperationException("disk full"); });
        // The caller keeps adding far more than the queue holds: it must not block forever.
        var e = Assert.Throws<InvalidOperationException>(() =>
        {
            for (var i = 0; i < 1_000_000; i++) pipe.Add(i);
            pipe.Complete();
        });
        Assert.Equal("disk full", e.Message);
    }

    [Fact]
    public void Disposing_without_completing_stops_the_sink_thread()
    {
        var taken = 0;
        var pipe = new StagePipe<object>(_ => { Interlocked.Increment(ref taken); Thread.Sleep(1); });
        for (var i = 0; i < 12_000; i++) pipe.Add(i); // fits the queue: the caller never waits
        pipe.Dispose(); // returns at once: the rest is abandoned, as when reading the file failed
        Assert.InRange(Volatile.Read(ref taken), 0, 11_999);
    }
}
