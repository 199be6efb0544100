using Cppcc.Dialogs.Broadcasts;

namespace Cppcc.Bot.Broadcasts;

/// <summary>A notice sent by staff; its deliveries are the delivery-queue job with the same id.</summary>
public sealed class Broadcast
{
    /// <summary>"TZ-2026-0001".</summary>
    public string Id { get; set; } = "";

    public int Year { get; set; }

    public string Text { get; set; } = "";

    public string? Link { get; set; }

    public string? LinkTitle { get; set; }

    public string Audience { get; set; } = BroadcastRequest.Everyone;

    public string CreatedBy { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public int Recipients { get; set; }

    /// <summary>Where the progress card lives: the sender's personal chat (Newtonsoft JSON); empty when they have none.</summary>
    public string StaffReferenceJson { get; set; } = "";

    /// <summary>The Connector's id of the progress card, for updates in place.</summary>
    public string? ProgressActivityId { get; set; }

    /// <summary>Counts last shown on the card ("sent/failed/pending").</summary>
    public string? LastShown { get; set; }

    /// <summary>Set once every recipient's item is in the delivery queue (a crash before that is repaired at start-up).</summary>
    public bool Queued { get; set; }

    public bool Finished { get; set; }

    /// <summary>
    /// True when this notice says what <paramref name="earlier"/> said, from the same sender to the same audience: a
    /// double click, or 发送 answered twice, which must not reach every member twice.
    /// </summary>
    public bool Repeats(Broadcast earlier)
        => earlier.CreatedBy == CreatedBy && earlier.Text == Text && earlier.Audience == Audience && earlier.Link == Link && earlier.LinkTitle == LinkTitle;

    /// <summary>What the members' card shows (a method, so the stores do not map it as a column).</summary>
    public BroadcastRequest ToNotice() => new(Text, Audience, Link, LinkTitle);
}
