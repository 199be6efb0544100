using Cppcc.Dialogs.Sessions;

namespace Cppcc.Bot.Reminders;

/// <summary>
/// Which reminder is due now, and when the next one will be. Only the reminder closest to the start is sent when several
/// are overdue (the bot was down, or the session was created late): one message, never a burst of stale ones.
/// </summary>
public static class ReminderPlanner
{
    public sealed record Plan(TimeSpan? FireNow, IReadOnlyList<TimeSpan> Skip, DateTimeOffset? NextDue);

    public static Plan For(StudySession session, IReadOnlyList<TimeSpan> leadTimes, DateTimeOffset now)
    {
        if (session.Cancelled || session.StartsAt <= now)
        {
            return new Plan(null, [], null);
        }

        var open = leadTimes.Distinct().Where(l => !session.RemindedLeads.Contains(l.Ticks)).OrderByDescending(l => l).ToList();
        var overdue = open.Where(l => session.StartsAt - l <= now).ToList();
        var future = open.Except(overdue).ToList();
        DateTimeOffset? next = future.Count == 0 ? null : future.Min(l => session.StartsAt - l);
        if (overdue.Count == 0)
        {
            return new Plan(null, [], next);
        }

        var fire = overdue.Min();
        return new Plan(fire, overdue.Where(l => l != fire).ToList(), next);
    }

    /// <summary>The next occurrence of a recurring session: same day of month (clamped to the month's end), same local time.</summary>
    public static DateTimeOffset? NextStart(StudySession session) => session.Recurrence switch
    {
        Recurrence.Monthly => session.LocalStart.AddMonths(1),
        Recurrence.Quarterly => session.LocalStart.AddMonths(3),
        _ => null,
    };
}
