namespace Cppcc.Bot.Limits;

/// <summary>
/// At most <c>permitLimit</c> permits per key in any window of <c>window</c> length, on a <see cref="TimeProvider"/> so
/// that tests move time instead of sleeping. Each key keeps the times of its granted permits (a sliding log: exact, and
/// small for the limits it is used with); keys with nothing left in the window are forgotten.
/// System.Threading.RateLimiting runs on the real clock only, which is why this exists.
/// </summary>
public sealed class SlidingWindowLimiter
{
    private readonly int _permitLimit;
    private readonly TimeSpan _window;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, Queue<long>> _granted = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _lastSweep;

    /// <summary>Creates the limiter.</summary>
    public SlidingWindowLimiter(int permitLimit, TimeSpan window, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permitLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        _permitLimit = permitLimit;
        _window = window;
        _time = time;
        _lastSweep = time.GetTimestamp();
    }

    /// <summary>
    /// Takes one permit from every key, or none at all when any key has used up its window (so a refusal costs the
    /// other keys nothing). Null keys are skipped.
    /// </summary>
    public bool TryAcquire(params ReadOnlySpan<string?> keys)
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            SweepIfDue(now);
            foreach (var key in keys)
            {
                if (key is not null && _granted.TryGetValue(key, out var log) && Live(log, now) >= _permitLimit)
                {
                    return false;
                }
            }

            foreach (var key in keys)
            {
                if (key is null)
                {
                    continue;
                }

                if (!_granted.TryGetValue(key, out var log))
                {
                    _granted[key] = log = new Queue<long>();
                }

                log.Enqueue(now);
            }

            return true;
        }
    }

    /// <summary>Gives back the most recent permit of each key (the attempt turned out not to count).</summary>
    public void Return(params ReadOnlySpan<string?> keys)
    {
        lock (_gate)
        {
            foreach (var key in keys)
            {
                if (key is null || !_granted.TryGetValue(key, out var log) || log.Count == 0)
                {
                    continue;
                }

                // Queue has no "remove last": rebuild without the newest entry (at most permitLimit items).
                var kept = log.ToArray()[..^1];
                log.Clear();
                foreach (var stamp in kept)
                {
                    log.Enqueue(stamp);
                }
            }
        }
    }

    /// <summary>Keys currently remembered (for tests of the clean-up).</summary>
    public int TrackedKeys
    {
        get
        {
            lock (_gate)
            {
                return _granted.Count;
            }
        }
    }

    private int Live(Queue<long> log, long now)
    {
        while (log.Count > 0 && _time.GetElapsedTime(log.Peek(), now) >= _window)
        {
            log.Dequeue();
        }

        return log.Count;
    }

    private void SweepIfDue(long now)
    {
        if (_time.GetElapsedTime(_lastSweep, now) < _window)
        {
            return;
        }

        _lastSweep = now;
        foreach (var (key, log) in _granted)
        {
            if (Live(log, now) == 0)
            {
                _granted.Remove(key);
            }
        }
    }
}
