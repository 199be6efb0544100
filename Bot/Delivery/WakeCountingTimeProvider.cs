namespace Cppcc.Bot.Delivery;

/// <summary>Delegates to another clock; a timer parks its creator in <see cref="BackgroundActivity"/> and counts the wake-up when it fires.</summary>
internal sealed class WakeCountingTimeProvider(TimeProvider inner, BackgroundActivity activity) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => inner.GetUtcNow();

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => inner.LocalTimeZone;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = inner.CreateTimer(s =>
        {
            activity.Enter();
            callback(s);
        }, state, dueTime, period);
        // Parked only once the timer exists (see BackgroundActivity.DelayAsync); a timer that fired already counted its
        // wake-up, so the two cancel out.
        activity.Leave();
        return timer;
    }
}
