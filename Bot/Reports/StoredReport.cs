using Cppcc.Dialogs.Reports;
using LiteDB;

namespace Cppcc.Bot.Reports;

/// <summary>One report with its history, as kept in the <c>reports</c> collection.</summary>
public sealed class StoredReport
{
    /// <summary>The reference, e.g. SQ-2026-000001.</summary>
    [BsonId]
    public string Reference { get; set; } = "";

    /// <summary>Insertion order across all reports (newest first lists).</summary>
    public long Sequence { get; set; }

    /// <summary>Report or suggestion.</summary>
    public ReportKind Kind { get; set; }

    /// <summary>Category.</summary>
    public string Category { get; set; } = "";

    /// <summary>Title.</summary>
    public string Title { get; set; } = "";

    /// <summary>Situation.</summary>
    public string Content { get; set; } = "";

    /// <summary>Analysis.</summary>
    public string? Analysis { get; set; }

    /// <summary>Suggestion.</summary>
    public string? Suggestion { get; set; }

    /// <summary>Location.</summary>
    public string? Location { get; set; }

    /// <summary>The public submitter asked not to be named.</summary>
    public bool Anonymous { get; set; }

    /// <summary>Staff only.</summary>
    public string? ContactName { get; set; }

    /// <summary>Staff only.</summary>
    public string? ContactPhone { get; set; }

    /// <summary>The author's user key (channel + id).</summary>
    public string AuthorKey { get; set; } = "";

    /// <summary>The author's display name when filed.</summary>
    public string AuthorName { get; set; } = "";

    /// <summary>The author's role when filed.</summary>
    public string AuthorRole { get; set; } = "";

    /// <summary>The conversation it was filed from.</summary>
    public string ConversationId { get; set; } = "";

    /// <summary>The author's locale, for notifications.</summary>
    public string? Locale { get; set; }

    /// <summary>PBKDF2 hash of the access code (public submitters), never the code itself.</summary>
    public byte[]? AccessCodeHash { get; set; }

    /// <summary>Salt of <see cref="AccessCodeHash"/>.</summary>
    public byte[]? AccessCodeSalt { get; set; }

    /// <summary>Current state.</summary>
    public ReportState State { get; set; }

    /// <summary>Department it was forwarded to.</summary>
    public string? Department { get; set; }

    /// <summary>Adoption level.</summary>
    public AdoptionLevel? Level { get; set; }

    /// <summary>First filed (UTC).</summary>
    public DateTime SubmittedAt { get; set; }

    /// <summary>Last change (UTC).</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>Character-bigram fingerprint of the title (sorted, distinct).</summary>
    public int[] TitleGrams { get; set; } = Array.Empty<int>();

    /// <summary>Character-bigram fingerprint of title and body (sorted, distinct).</summary>
    public int[] TextGrams { get; set; } = Array.Empty<int>();

    /// <summary>Co-authors invited to a joint report (联名), with their answers.</summary>
    public List<StoredCoAuthor> CoAuthors { get; set; } = new();

    /// <summary>
    /// User keys of the co-authors who accepted, kept beside <see cref="CoAuthors"/> so "my reports" can query by index.
    /// </summary>
    public List<string> CoSignedKeys { get; set; } = new();

    /// <summary>Filing, then one entry per transition or resubmission.</summary>
    public List<StoredHistoryEntry> History { get; set; } = new();

    /// <summary>The draft as written (contact included: staff view).</summary>
    public ReportDraft ToDraft() => new()
    {
        Kind = Kind,
        Category = Category,
        Title = Title,
        Content = Content,
        Analysis = Analysis,
        Suggestion = Suggestion,
        Location = Location,
        Anonymous = Anonymous,
        ContactName = ContactName,
        ContactPhone = ContactPhone,
    };

    /// <summary>The list line.</summary>
    public ReportSummary ToSummary() => new(Reference, Kind, Category, Title, State, Utc(SubmittedAt));

    /// <summary>LiteDB hands dates back in local time; always read them as UTC instants.</summary>
    public static DateTimeOffset Utc(DateTime value) => new(value.ToUniversalTime(), TimeSpan.Zero);
}

/// <summary>A co-author invited to a joint report.</summary>
public sealed class StoredCoAuthor
{
    /// <summary>Their user key (<c>msteams:{aadObjectId}</c>).</summary>
    public string Key { get; set; } = "";

    /// <summary>Display name given when they answered (empty until then).</summary>
    public string Name { get; set; } = "";

    /// <summary>Null until answered; then true for co-signed, false for declined.</summary>
    public bool? Accepted { get; set; }

    /// <summary>When they answered (UTC).</summary>
    public DateTime? AnsweredAt { get; set; }
}

/// <summary>One step of a stored report's history.</summary>
public sealed class StoredHistoryEntry
{
    /// <summary>1 for the filing, then +1 per step.</summary>
    public int Sequence { get; set; }

    /// <summary>When (UTC).</summary>
    public DateTime At { get; set; }

    /// <summary>State before.</summary>
    public ReportState? From { get; set; }

    /// <summary>State after.</summary>
    public ReportState To { get; set; }

    /// <summary>Who (user key).</summary>
    public string ActorKey { get; set; } = "";

    /// <summary>Who (display name).</summary>
    public string ActorName { get; set; } = "";

    /// <summary>True when staff made the step.</summary>
    public bool ByStaff { get; set; }

    /// <summary>Reason, reply or remark.</summary>
    public string? Note { get; set; }

    /// <summary>Department forwarded to.</summary>
    public string? Department { get; set; }

    /// <summary>Adoption level.</summary>
    public AdoptionLevel? Level { get; set; }
}
