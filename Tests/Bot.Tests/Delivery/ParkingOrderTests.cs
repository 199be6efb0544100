using Cppcc.Bot.Delivery;
using Microsoft.Extensions.Time.Testing;

namespace Cppcc.Bot.Tests.Delivery;

/// <summary>
/// A part of the engine may count as parked only once the timer that wakes it exists. Otherwise a test can read
/// "idle" in between, move the fake clock, and the timer then starts from the moved clock: a 5 s Retry-After measured
/// as 5.7 s, or a one-minute wait that never ends within the test's window (seen once in eight full runs).
/// </summary>
public sealed class ParkingOrderTests
{
    [Fact]
    public async Task A_delay_creates_its_timer_before_it_counts_as_parked()
    {
        var (activity, clock) = Working();

        var delay = activity.DelayAsync(TimeSpan.FromSeconds(5), clock, CancellationToken.None);

        AssertParkedAfterTimer(activity, clock);
        clock.Advance(TimeSpan.FromSeconds(5));
        await delay;
        Assert.False(activity.IsIdle);
    }

    [Fact]
    public async Task A_timer_on_the_wake_counting_clock_exists_before_its_creator_counts_as_parked()
    {
        var (activity, clock) = Working();
        var counting = activity.CountingWakeUps(clock);

        var delay = Task.Delay(TimeSpan.FromSeconds(5), counting);

        AssertParkedAfterTimer(activity, clock);
        clock.Advance(TimeSpan.FromSeconds(5));
        await delay;
        Assert.False(activity.IsIdle);
    }

    [Fact]
    public async Task The_sender_loop_waits_with_its_timeout_timer_in_place()
    {
        var (activity, clock) = Working();
        var signal = new DeliverySignal(activity);

        var wait = signal.WaitAsync(TimeSpan.FromMinutes(1), clock, CancellationToken.None);

        AssertParkedAfterTimer(activity, clock);
        clock.Advance(TimeSpan.FromMinutes(1));
        await wait;
        Assert.False(activity.IsIdle);
    }

    [Fact]
    public async Task A_wake_up_given_before_the_wait_keeps_the_loop_working()
    {
        var (activity, clock) = Working();
        var signal = new DeliverySignal(activity);

        signal.Set();
        await signal.WaitAsync(TimeSpan.FromMinutes(1), clock, CancellationToken.None);

        Assert.False(activity.IsIdle);
        Assert.Empty(clock.Created);
    }

    private static (BackgroundActivity Activity, RecordingClock Clock) Working()
    {
        var activity = new BackgroundActivity();
        activity.Enter(); // the one part under test is working
        return (activity, new RecordingClock(activity));
    }

    private static void AssertParkedAfterTimer(BackgroundActivity activity, RecordingClock clock)
    {
        Assert.True(activity.IsIdle, "the part should be parked while its timer runs");
        var idleAtCreation = Assert.Single(clock.Created);
        Assert.False(idleAtCreation, "the part counted as parked before its wake-up timer existed");
    }

    /// <summary>A fake clock that notes, for each timer created, whether the engine read idle at that moment.</summary>
    private sealed class RecordingClock(BackgroundActivity activity) : FakeTimeProvider
    {
        public List<bool> Created { get; } = [];

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Created.Add(activity.IsIdle);
            return base.CreateTimer(callback, state, dueTime, period);
        }
    }
}
