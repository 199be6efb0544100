namespace Cppcc.Bot.Delivery;

/// <summary>
/// Wakes the sender loop when work arrives or a send finishes. A wake-up counts as work in
/// <see cref="BackgroundActivity"/> from the moment it is given until the loop has taken it.
/// </summary>
public sealed class DeliverySignal(BackgroundActivity activity)
{
    private readonly Lock _lock = new();
    private bool _set;
    private TaskCompletionSource? _waiter;

    public void Set()
    {
        TaskCompletionSource? waiter;
        lock (_lock)
        {
            if (_set)
            {
                return;
            }

            activity.Enter();
            waiter = _waiter;
            _waiter = null;
            _set = waiter is null;
        }
        waiter?.TrySetResult();
    }

    /// <summary>Parks the caller until <see cref="Set"/> or until <paramref name="timeout"/> passed on <paramref name="time"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        lock (_lock)
        {
            if (_set)
            {
                // A wake-up already given counted the caller as working; it goes on working, so its own count ends.
                _set = false;
                activity.Leave();
                return;
            }
            _waiter = waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        await using (time.CreateTimer(_ => Wake(waiter), null, timeout, Timeout.InfiniteTimeSpan))
        await using (cancellationToken.Register(() => Wake(waiter)))
        {
            // Parked only now that the timer exists: a test that sees "idle" and moves the clock must find it. A Set()
            // in between counted the wake-up already, so the two cancel out.
            activity.Leave();
            await waiter.Task;
        }
        cancellationToken.ThrowIfCancellationRequested();
    }

    private void Wake(TaskCompletionSource waiter)
    {
        lock (_lock)
        {
            if (_waiter != waiter)
            {
                return;
            }

            _waiter = null;
            activity.Enter();
        }
        waiter.TrySetResult();
    }
}
