namespace Cppcc.Bot.Reminders;

/// <summary>Contract key Reminders:LeadTimes (default a day and an hour before the start).</summary>
public sealed class RemindersOptions
{
    public const string Section = "Reminders";

    /// <summary>When reminders go out before a session's start. Binding appends to a default list, so the default is applied after binding.</summary>
    public List<TimeSpan> LeadTimes { get; set; } = [];

    /// <summary>How often the scheduler looks for due reminders (a reminder fires within this of its due time).</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    public static readonly TimeSpan[] DefaultLeadTimes = [TimeSpan.FromDays(1), TimeSpan.FromHours(1)];

    public IReadOnlyList<TimeSpan> EffectiveLeadTimes => LeadTimes.Count > 0 ? LeadTimes : DefaultLeadTimes;
}
