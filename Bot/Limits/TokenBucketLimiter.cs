namespace Cppcc.Bot.Limits;

/// <summary>
/// A token bucket per key on a <see cref="TimeProvider"/>: up to <c>burst</c> at once, then <c>perPeriod</c> per
/// <c>period</c>, refilled smoothly. Buckets are refilled lazily when used; full ones are forgotten, so idle keys cost
/// nothing. System.Threading.RateLimiting runs on the real clock only, which is why this exists.
/// </summary>
public sealed class TokenBucketLimiter
{
    private readonly double _burst;
    private readonly double _tokensPerTick;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private readonly TimeSpan _refillTime;
    private long _lastSweep;

    /// <summary>Creates the limiter.</summary>
    public TokenBucketLimiter(int burst, int perPeriod, TimeSpan period, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(burst, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(perPeriod, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        _burst = burst;
        _tokensPerTick = perPeriod / (double)period.Ticks;
        _refillTime = TimeSpan.FromTicks((long)Math.Ceiling(burst / _tokensPerTick));
        _time = time;
        _lastSweep = time.GetTimestamp();
    }

    /// <summary>Takes one token from <paramref name="key"/>'s bucket; false when it is empty.</summary>
    public bool TryTake(string key)
    {
        lock (_gate)
        {
            var now = _time.GetTimestamp();
            SweepIfDue(now);
            var tokens = _buckets.TryGetValue(key, out var bucket) ? Level(bucket, now) : _burst;
            if (tokens < 1)
            {
                return false;
            }

            _buckets[key] = new Bucket(tokens - 1, now);
            return true;
        }
    }

    /// <summary>Keys currently remembered (for tests of the clean-up).</summary>
    public int TrackedKeys
    {
        get
        {
            lock (_gate)
            {
                return _buckets.Count;
            }
        }
    }

    private double Level(Bucket bucket, long now) =>
        Math.Min(_burst, bucket.Tokens + (_time.GetElapsedTime(bucket.At, now).Ticks * _tokensPerTick));

    private void SweepIfDue(long now)
    {
        if (_time.GetElapsedTime(_lastSweep, now) < _refillTime)
        {
            return;
        }

        _lastSweep = now;
        foreach (var (key, bucket) in _buckets)
        {
            if (Level(bucket, now) >= _burst)
            {
                _buckets.Remove(key);
            }
        }
    }

    private readonly record struct Bucket(double Tokens, long At);
}
