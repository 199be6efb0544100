namespace Cppcc.Bot.Broadcasts;

/// <summary>Settings of staff broadcasts (section "Broadcasts").</summary>
public sealed class BroadcastsOptions
{
    public const string Section = "Broadcasts";

    /// <summary>How often the progress card is refreshed (only when the counts changed).</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// How long the same notice (same sender, text, link and audience) is answered with the one already sent instead of
    /// going out again: long enough for a double click or a second 发送, short enough to send a reminder later that day.
    /// </summary>
    public TimeSpan RepeatWindow { get; set; } = TimeSpan.FromMinutes(10);
}
