using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace OutcomesLab.Ingest;

/// <summary>
/// Hands gated records to a sink on a second thread, in blocks. Staging a responses file is two
/// halves of similar cost: reading and gating rows (C#), and writing them to the stage tables
/// (SQLite binds and inserts); on this two-core machine they overlap. Blocks keep the hand-off
/// cost per row near zero, and the bounded queue keeps memory flat: at most a few blocks wait.
/// </summary>
/// <remarks>
/// The sink runs on one thread only, so it may use a connection the caller does not touch until
/// <see cref="Complete"/> returns. A failure of the sink is rethrown to the caller on its next
/// <see cref="Add"/> or on <see cref="Complete"/>; disposing without completing abandons the rest.
/// </remarks>
internal sealed class StagePipe<T> : IDisposable
{
    private const int BlockSize = 4096;
    private const int BlocksWaiting = 4;

    private readonly BlockingCollection<(T[] Items, int Count)> full = new(BlocksWaiting);
    private readonly ConcurrentQueue<T[]> spare = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Thread consumer;
    private T[] block = new T[BlockSize];
    private int count;
    private Exception? failure;
    private bool completed;

    public StagePipe(Action<T> sink)
    {
        consumer = new Thread(() => Consume(sink)) { IsBackground = true, Name = "stage writer" };
        consumer.Start();
    }

    public void Add(T item)
    {
        block[count++] = item;
        if (count == BlockSize) Hand();
    }

    /// <summary>Waits until the sink has taken every record; rethrows its failure, if any.</summary>
    public void Complete()
    {
        if (count > 0) Hand();
        full.CompleteAdding();
        consumer.Join();
        completed = true;
        if (failure is not null) ExceptionDispatchInfo.Throw(failure);
    }

    private void Hand()
    {
        try
        {
            full.Add((block, count), stop.Token);
        }
        catch (OperationCanceledException) when (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }
        block = spare.TryDequeue(out var reused) ? reused : new T[BlockSize];
        count = 0;
    }

    private void Consume(Action<T> sink)
    {
        try
        {
            foreach (var (items, n) in full.GetConsumingEnumerable(stop.Token))
            {
                for (var i = 0; i < n && !stop.IsCancellationRequested; i++) sink(items[i]);
                Array.Clear(items, 0, n); // let the records go before the block is reused
                spare.Enqueue(items);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // abandoned by Dispose
        }
        catch (Exception e)
        {
            failure = e;
            stop.Cancel(); // unblocks a caller waiting to hand a block
        }
    }

    public void Dispose()
    {
        if (!completed)
        {
            stop.Cancel();
            full.CompleteAdding();
            consumer.Join();
        }
        full.Dispose();
        stop.Dispose();
    }
}
