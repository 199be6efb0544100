using Cppcc.Bot.Limits;
using Microsoft.Extensions.Time.Testing;

namespace Cppcc.Bot.Tests.Limits;

public sealed class SlidingWindowLimiterTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_key_gets_its_permits_back_only_as_each_leaves_the_window()
    {
        var limiter = new SlidingWindowLimiter(3, TimeSpan.FromMinutes(10), _time);
        Assert.True(limiter.TryAcquire("a:1"));
        _time.Advance(TimeSpan.FromMinutes(4));
        Assert.True(limiter.TryAcquire("a:1"));
        Assert.True(limiter.TryAcquire("a:1"));
        Assert.False(limiter.TryAcquire("a:1"));

        _time.Advance(TimeSpan.FromMinutes(6) - TimeSpan.FromTicks(1));
        Assert.False(limiter.TryAcquire("a:1"));
        _time.Advance(TimeSpan.FromTicks(1));
        Assert.True(limiter.TryAcquire("a:1"));
        Assert.False(limiter.TryAcquire("a:1"));
    }

    [Fact]
    public void A_refusal_by_one_key_costs_the_other_keys_nothing()
    {
        var limiter = new SlidingWindowLimiter(1, TimeSpan.FromMinutes(10), _time);
        Assert.True(limiter.TryAcquire("u:visitor-1", "a:203.0.113.5"));

        Assert.False(limiter.TryAcquire("u:visitor-2", "a:203.0.113.5"));
        Assert.True(limiter.TryAcquire("u:visitor-2", "a:192.0.2.1"));
        Assert.True(limiter.TryAcquire("u:visitor-3", null));
    }

    [Fact]
    public void A_returned_permit_can_be_taken_again()
    {
        var limiter = new SlidingWindowLimiter(1, TimeSpan.FromMinutes(10), _time);
        Assert.True(limiter.TryAcquire("u:1"));
        limiter.Return("u:1");

        Assert.True(limiter.TryAcquire("u:1"));
        Assert.False(limiter.TryAcquire("u:1"));
    }

    [Fact]
    public void Keys_with_nothing_in_the_window_are_forgotten()
    {
        var limiter = new SlidingWindowLimiter(5, TimeSpan.FromMinutes(1), _time);
        for (var i = 0; i < 1_000; i++)
        {
            limiter.TryAcquire("a:" + i);
        }

        _time.Advance(TimeSpan.FromMinutes(1));
        limiter.TryAcquire("a:new");

        Assert.Equal(1, limiter.TrackedKeys);
    }
}
