namespace Cppcc.Bot.Delivery;

/// <summary>
/// Counts the parts of proactive sending (the delivery worker, its items, the reminder scheduler that feeds it) that are
/// working rather than parked on the clock or on an empty queue. Zero means every part waits for time or for new work:
/// what a test on a fake clock waits for before it moves the clock, and after which "nothing was sent" holds. Whoever
/// wakes a parked part counts it as working again (a timer callback, a signal, a released slot), so the count never
/// reads zero between a wake-up and the woken code running.
/// </summary>
public sealed class BackgroundActivity
{
    private int _working;

    /// <summary>True when every part is parked.</summary>
    public bool IsIdle => Volatile.Read(ref _working) == 0;

    /// <summary>A part starts or resumes work (called by whoever wakes it).</summary>
    public void Enter() => Interlocked.Increment(ref _working);

    /// <summary>A part parks or finishes.</summary>
    public void Leave() => Interlocked.Decrement(ref _working);

    /// <summary>Parks the caller for <paramref name="delay"/> on <paramref name="time"/>; the timer callback counts the wake-up.</summary>
    public async Task DelayAsync(TimeSpan delay, TimeProvider time, CancellationToken cancellationToken)
    {
        var woken = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var once = 0;
        void Wake(bool cancelled)
        {
            if (Interlocked.Exchange(ref once, 1) != 0)
            {
                return;
            }

            Enter();
            if (cancelled)
            {
                woken.TrySetCanceled(cancellationToken);
            }
            else
            {
                woken.TrySetResult();
            }
        }

        // The timer exists before the caller counts as parked: a test that sees "idle" and moves the clock must find
        // it, or the wait would start from the moved clock and end late.
        await using var timer = time.CreateTimer(_ => Wake(false), null, delay < TimeSpan.Zero ? TimeSpan.Zero : delay, Timeout.InfiniteTimeSpan);
        await using var registration = cancellationToken.Register(() => Wake(true));
        Leave();
        await woken.Task;
    }

    /// <summary>
    /// A clock whose timers count their wake-up (and their wait as parked), for code that waits on timers it does not
    /// own, such as Polly's retry delays. Only for timers that park their creator until they fire.
    /// </summary>
    public TimeProvider CountingWakeUps(TimeProvider time) => new WakeCountingTimeProvider(time, this);
}
