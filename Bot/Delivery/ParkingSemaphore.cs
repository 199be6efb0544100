namespace Cppcc.Bot.Delivery;

/// <summary>
/// An async semaphore whose waiters count as parked in <see cref="BackgroundActivity"/>; a release that hands the place
/// to a waiter counts the waiter as working at once, before its continuation runs.
/// </summary>
internal sealed class ParkingSemaphore(int count, BackgroundActivity activity)
{
    private readonly Lock _lock = new();
    private readonly LinkedList<TaskCompletionSource> _waiters = new();
    private int _free = count;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        LinkedListNode<TaskCompletionSource> node;
        lock (_lock)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_free > 0)
            {
                _free--;
                return;
            }
            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            node = _waiters.AddLast(waiter);
            activity.Leave();
        }
        await using var registration = cancellationToken.Register(() =>
        {
            lock (_lock)
            {
                if (node.List is null)
                {
                    return;
                }

                _waiters.Remove(node);
                activity.Enter();
            }
            waiter.TrySetCanceled(cancellationToken);
        });
        await waiter.Task;
    }

    public void Release()
    {
        TaskCompletionSource? next = null;
        lock (_lock)
        {
            if (_waiters.First is { } first)
            {
                _waiters.RemoveFirst();
                activity.Enter();
                next = first.Value;
            }
            else
            {
                _free++;
            }
        }
        next?.TrySetResult();
    }
}
