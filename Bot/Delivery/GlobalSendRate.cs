using System.Threading.RateLimiting;

namespace Cppcc.Bot.Delivery;

/// <summary>
/// The bot-wide send rate: a token bucket (System.Threading.RateLimiting) refilled on <see cref="TimeProvider"/> ticks so
/// tests can drive it with a fake clock, and a global pause: while the Connector says 429 we stop refilling and drop the
/// few tokens left, like Company Communicator's sender, instead of letting every worker hammer Teams.
/// </summary>
public sealed class GlobalSendRate : ISendRate, IDisposable
{
    private readonly TimeProvider _time;
    private readonly BackgroundActivity _activity;
    private readonly TokenBucketRateLimiter _bucket;
    private readonly ITimer _timer;
    private readonly long _periodTicks;
    private readonly int _burst;
    private readonly Lock _lock = new();
    private bool _disposed;
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
        _bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = _burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = period,
            AutoReplenishment = false,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        _lastRefill = time.GetTimestamp();
        var tick = period < TimeSpan.FromMilliseconds(5) ? TimeSpan.FromMilliseconds(5) : period;
        _timer = time.CreateTimer(_ => Refill(), null, tick, tick);
    }

    public DateTimeOffset PausedUntil
    {
        get { lock (_lock) return _pausedUntil; }
    }

    /// <summary>Waits for one send permit (FIFO); a caller that has to wait is parked until a refill grants it.</summary>
    public async ValueTask AcquireAsync(CancellationToken cancellationToken)
    {
        ValueTask<RateLimitLease> pending;
        bool parked;
        lock (_lock)
        {
            pending = _bucket.AcquireAsync(1, cancellationToken);
            parked = !pending.IsCompleted;
            if (parked)
                _activity.Leave();
        }
        RateLimitLease granted;
        try
        {
            granted = await pending;
        }
        catch (OperationCanceledException) when (parked)
        {
            _activity.Enter();
            throw;
        }
        using var lease = granted;
        if (!lease.IsAcquired)
            throw new InvalidOperationException("Send permit refused: the queue limit is unbounded, so this is a bug.");
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
                _pausedUntil = until;
            var left = (int)_bucket.GetStatistics()!.CurrentAvailablePermits;
            if (left > 0)
                _bucket.AttemptAcquire(left).Dispose();
        }
    }

    private void Refill()
    {
        lock (_lock)
        {
            // Disposing a timer does not wait for a tick already running; that tick must not touch the disposed bucket.
            if (_disposed)
                return;
            var now = _time.GetTimestamp();
            if (_time.GetUtcNow() < _pausedUntil)
            {
                _lastRefill = now;
                return;
            }
            var periods = (now - _lastRefill) / _periodTicks;
            if (periods <= 0)
                return;
            _lastRefill += periods * _periodTicks;
            // Manual mode adds TokensPerPeriod per call; catching up for late timer ticks keeps the average exact.
            var queued = _bucket.GetStatistics()!.CurrentQueuedCount;
            for (var i = 0; i < Math.Min(periods, _burst); i++)
                _bucket.TryReplenish();
            // Each waiter a refill granted is working again from now on (see AcquireAsync, which parked it).
            for (var granted = queued - _bucket.GetStatistics()!.CurrentQueuedCount; granted > 0; granted--)
                _activity.Enter();
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
                return;
            _disposed = true;
        }
        _timer.Dispose();
        _bucket.Dispose();
    }
}
