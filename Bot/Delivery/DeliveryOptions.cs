using System.ComponentModel.DataAnnotations;

namespace Cppcc.Bot.Delivery;

/// <summary>Settings of the proactive delivery engine (section "Delivery").</summary>
public sealed class DeliveryOptions
{
    public const string SectionName = "Delivery";

    /// <summary>Messages per second for the whole bot. Teams documents 30 requests/s per app per tenant (50 in newer docs); design for 30.</summary>
    [Range(1, 1000)]
    public int MessagesPerSecond { get; set; } = 30;

    /// <summary>Teams allows 7 messages/s to one conversation.</summary>
    [Range(1, 7)]
    public int PerConversationPerSecond { get; set; } = 7;

    /// <summary>Teams also allows at most 60 messages per 30 seconds to one conversation.</summary>
    [Range(1, 60)]
    public int PerConversationPer30Seconds { get; set; } = 60;

    /// <summary>
    /// Items being worked on at once: sends on the wire (30/s × ~200 ms Connector latency ≈ 6) plus items waiting out a
    /// retry back-off, which keep their slot. The rate limits, not this, bound what reaches Teams.
    /// </summary>
    [Range(1, 1024)]
    public int MaxConcurrency { get; set; } = 64;

    /// <summary>
    /// Sends on the wire at once (state "Sending", from just before the request until its outcome is committed). This
    /// bounds what a killed process can duplicate; 16 sustains 30/s up to ~500 ms Connector latency.
    /// </summary>
    [Range(1, 256)]
    public int MaxInFlight { get; set; } = 16;

    /// <summary>Attempts (first send included) before an item is dead-lettered.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>Base of the exponential back-off when the Connector gives no Retry-After.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Outer deadline of one send (token acquisition ignores our token).</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Instances sharing one PostgreSQL queue: how long an item claimed by an instance stays its own without renewal.
    /// Claims are renewed every third of it, so only a dead (or frozen) instance loses them; its items, those on the
    /// wire included, go to another instance once it has run out. Clocks of the instances must agree far better.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Instances sharing one PostgreSQL queue: how often an idle instance looks for items another one queued.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Instances sharing one PostgreSQL queue: the shared limiter spaces its permits (1 s + margin) /
    /// <see cref="MessagesPerSecond"/> apart, a little slower than the ceiling, so that its hard cap at the wire (answers
    /// of the last second plus requests on the wire) seldom has to hold a sender back.
    /// </summary>
    public TimeSpan SharedRateMargin { get; set; } = TimeSpan.FromMilliseconds(100);
}
