namespace Cppcc.Bot.Delivery;

/// <summary>
/// The bot-wide send rate: a token bucket refilled only on <see cref="TimeProvider"/> ticks, one token per elapsed
/// period, so tests can drive it with a fake clock; and a global pause: while the Connector says 429 we stop refilling
/// and drop the few tokens left, like Company Communicator's sender, instead of letting every worker hammer Teams.
/// Not System.Threading.RateLimiting's TokenBucketRateLimiter: on .NET 10 its manual TryReplenish adds tokens for the
/// real (Stopwatch) time elapsed, so a sender parked on a fake clock waited for real time while counting as parked.
/// </summary>
public sealed class GlobalSendRate : ISendRate, IDisposable
{
    private readonly TimeProvider _time;
    private readonly BackgroundActivity _activity;
    private readonly ITimer _timer;
    private readonly long _periodTicks;
    private readonly int _burst;
    private readonly Lock _lock = new();
    private readonly LinkedList<TaskCompletionSource> _waiters = new();
    private bool _disposed;
    private int _tokens;
    private long _lastRefill;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

    public GlobalSendRate(DeliveryOptions options, TimeProvider time, BackgroundActivity activity)
    {
        _time = time;
        _activity = activity;
        var period = TimeSpan.FromSeconds(1.0 / options.MessagesPerSecond);
        _periodTicks = (long)(period.TotalSeconds * time.TimestampFrequency);
        // A tenth of a second of slack absorbs timer jitter without letting a burst exceed the limit noticeably.
        _burst = Math.Max(1, options.MessagesPerSecond / 10);
        _tokens = _burst;
        _lastRefill = time.GetTimestamp();
        var tick = period < TimeSpan.FromMilliseconds(5) ? TimeSpan.FromMilliseconds(5) : period;
        _timer = time.CreateTimer(_ => Refill(), null, tick, tick);
    }

    public DateTimeOffset PausedUntil
    {
        get
        {
            lock (_lock)
            {
                return _pausedUntil;
            }
        }
    }

    /// <summary>Waits for one send permit (FIFO); a caller that has to wait is parked until a refill grants it.</summary>
    public async ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        LinkedListNode<TaskCompletionSource> node;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            cancellationToken.ThrowIfCancellationRequested();
            if (_waiters.Count == 0 && _tokens > 0)
            {
                _tokens--;
                return;
            }
            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            node = _waiters.AddLast(waiter);
            _activity.Leave();
        }
        await using var registration = cancellationToken.Register(() =>
        {
            lock (_lock)
            {
                if (node.List is null)
                {
                    return; // granted (or failed by Dispose) already, which counted the wake-up
                }

                _waiters.Remove(node);
                _activity.Enter();
            }
            waiter.TrySetCanceled(cancellationToken);
        });
        await waiter.Task;
    }

    /// <summary>One process: the permits alone keep the rate, as they always have.</summary>
    public ValueTask<IDisposable?> OnWireAsync(CancellationToken cancellationToken) => ValueTask.FromResult<IDisposable?>(null);

    /// <summary>Stops every sender for <paramref name="delay"/> (extends, never shortens, a pause in force).</summary>
    public void PauseFor(TimeSpan delay)
    {
        lock (_lock)
        {
            var until = _time.GetUtcNow() + delay;
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }

            _tokens = 0;
        }
    }

    private void Refill()
    {
        List<TaskCompletionSource> granted = [];
        lock (_lock)
        {
            // Disposing a timer does not wait for a tick already running; that tick must not grant anything.
            if (_disposed)
            {
                return;
            }

            var now = _time.GetTimestamp();
            if (_time.GetUtcNow() < _pausedUntil)
            {
                _lastRefill = now;
                return;
            }
            var periods = (now - _lastRefill) / _periodTicks;
            if (periods <= 0)
            {
                return;
            }
            // Catching up for late timer ticks keeps the average exact; the burst caps what a long gap can save up.
            _lastRefill += periods * _periodTicks;
            _tokens = (int)Math.Min(_burst, _tokens + periods);
            while (_tokens > 0 && _waiters.First is { } first)
            {
                _waiters.RemoveFirst();
                _tokens--;
                // Working again from now on, before its continuation runs (see AcquireAsync, which parked it).
                _activity.Enter();
                granted.Add(first.Value);
            }
        }
        foreach (var waiter in granted)
        {
            waiter.TrySetResult();
        }
    }

    public void Dispose()
    {
        List<TaskCompletionSource> waiting;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            waiting = [.. _waiters];
            _waiters.Clear();
            foreach (var _ in waiting)
            {
                _activity.Enter();
            }
        }
        _timer.Dispose();
        foreach (var waiter in waiting)
        {
            waiter.TrySetException(new ObjectDisposedException(nameof(GlobalSendRate)));
        }
    }
}
