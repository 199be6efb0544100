namespace Cppcc.Bot.Broadcasts;

/// <summary>Settings of staff broadcasts (section "Broadcasts").</summary>
public sealed class BroadcastsOptions
{
    public const string Section = "Broadcasts";

    /// <summary>How often the progress card is refreshed (only when the counts changed).</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(3);
}
