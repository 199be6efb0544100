using Cppcc.Bot.Limits;
using Microsoft.Extensions.Time.Testing;

namespace Cppcc.Bot.Tests.Limits;

public sealed class TokenBucketLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_burst_then_the_rate_as_time_passes()
    {
        var limiter = new TokenBucketLimiter(burst: 3, perPeriod: 6, period: TimeSpan.FromMinutes(1), _time);
        Assert.True(limiter.TryTake("a:1"));
        Assert.True(limiter.TryTake("a:1"));
        Assert.True(limiter.TryTake("a:1"));
        Assert.False(limiter.TryTake("a:1"));
        Assert.True(limiter.TryTake("a:2"));

        _time.Advance(TimeSpan.FromSeconds(9));
        Assert.False(limiter.TryTake("a:1"));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(limiter.TryTake("a:1"));
        Assert.False(limiter.TryTake("a:1"));

        _time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(3, Enumerable.Range(0, 5).Count(_ => limiter.TryTake("a:1")));
    }

    [Fact]
    public void Full_buckets_are_forgotten()
    {
        var limiter = new TokenBucketLimiter(burst: 2, perPeriod: 2, period: TimeSpan.FromSeconds(1), _time);
        for (var i = 0; i < 1_000; i++)
        {
            limiter.TryTake("a:" + i);
        }

        _time.Advance(TimeSpan.FromSeconds(1));
        limiter.TryTake("a:new");

        Assert.Equal(1, limiter.TrackedKeys);
    }
}
