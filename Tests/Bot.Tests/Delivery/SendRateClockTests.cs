using Cppcc.Bot.Delivery;
using Microsoft.Extensions.Time.Testing;

namespace Cppcc.Bot.Tests.Delivery;

/// <summary>
/// The global send rate is refilled by its clock alone. A sender parked for a permit counts as parked, so a test that
/// sees "idle" moves the fake clock; if permits came from real time instead, the fake clock would run on while the
/// sender waits (a 5 s Retry-After measured as 5.64 s in a loaded full run).
/// </summary>
public sealed class SendRateClockTests
{
    [Fact]
    public async Task A_parked_sender_gets_its_permit_when_the_clock_reaches_the_next_period()
    {
        var (clock, activity, rate) = OnePerSecond();
        using var _ = rate;
        await rate.AcquireAsync(CancellationToken.None); // the burst's only permit

        var waiting = rate.AcquireAsync(CancellationToken.None).AsTask();
        Assert.False(waiting.IsCompleted);
        Assert.True(activity.IsIdle, "a sender waiting for a permit should count as parked");

        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.False(activity.IsIdle, "the refill on the clock should grant the permit and count the sender as working");
        await waiting.WaitAsync(TimeSpan.FromSeconds(30)); // real time only bounds the wait
    }

    [Fact]
    public async Task A_pause_grants_nothing_until_the_clock_passes_it_then_the_next_period_does()
    {
        var (clock, activity, rate) = OnePerSecond();
        using var _ = rate;
        await rate.AcquireAsync(CancellationToken.None);
        rate.PauseFor(TimeSpan.FromSeconds(5));

        var waiting = rate.AcquireAsync(CancellationToken.None).AsTask();
        clock.Advance(TimeSpan.FromSeconds(4));
        Assert.True(activity.IsIdle);
        Assert.False(waiting.IsCompleted);

        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.False(activity.IsIdle);
        await waiting.WaitAsync(TimeSpan.FromSeconds(30));
    }

    private static (FakeTimeProvider Clock, BackgroundActivity Activity, GlobalSendRate Rate) OnePerSecond()
    {
        var clock = new FakeTimeProvider();
        var activity = new BackgroundActivity();
        activity.Enter(); // the one sender under test is working
        return (clock, activity, new GlobalSendRate(new DeliveryOptions { MessagesPerSecond = 1 }, clock, activity));
    }
}
