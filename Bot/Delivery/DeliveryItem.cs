namespace Cppcc.Bot.Delivery;

/// <summary>One recipient of one job: the unit of the durable queue.</summary>
public sealed class DeliveryItem
{
    /// <summary>"{JobId}/{RecipientKey}": the primary key makes enqueueing idempotent per (job, recipient).</summary>
    public string Id { get; set; } = "";

    public string JobId { get; set; } = "";

    public string RecipientKey { get; set; } = "";

    public string ConversationId { get; set; } = "";

    /// <summary>Newtonsoft JSON of the ConversationReference (the Bot Framework schema is Newtonsoft-shaped).</summary>
    public string ReferenceJson { get; set; } = "";

    public string ActivityJson { get; set; } = "";

    public DeliveryState State { get; set; }

    public int Attempts { get; set; }

    /// <summary>When a Pending item may be sent; <see cref="DateTimeOffset.MaxValue"/> otherwise, so the DueAt index only finds pending work.</summary>
    public DateTimeOffset DueAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    /// <summary>The Connector's activity id of the delivered message (for updates in place).</summary>
    public string? ActivityId { get; set; }

    public int? LastStatus { get; set; }

    /// <summary>Connector error code or exception type: never user text.</summary>
    public string? LastError { get; set; }

    /// <summary>How often a restart found this item on the wire (each one a possible duplicate).</summary>
    public int Interruptions { get; set; }

    public static string MakeId(string jobId, string recipientKey) => jobId + "/" + recipientKey;
}
