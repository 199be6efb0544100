namespace Cppcc.Bot.Knowledge;

public enum KnowledgeAudience
{
    Public = 0,
    Members = 1,
    Staff = 2,
}

/// <summary>
/// One answerable unit: a Q&amp;A entry from a YAML file, or one passage of a Markdown document (then
/// <see cref="Heading"/> is set and the citation reads "title › heading").
/// </summary>
public sealed record KnowledgeEntry
{
    /// <summary>
    /// Longest answer a file may give. An answer goes out as one message, and Teams refuses a bot message over 100 KB
    /// as UTF-16 (40 KB in its older documentation), card and buttons included; the longest shipped answer is about
    /// 400 characters. A longer text belongs in several entries or passages.
    /// </summary>
    public const int MaxAnswerLength = 4000;

    public required string Id { get; init; }
    public required IReadOnlyList<string> Questions { get; init; }
    public required string Answer { get; init; }
    public string? Title { get; init; }
    public string? Heading { get; init; }
    public string? Source { get; init; }
    public string? Url { get; init; }
    public KnowledgeAudience Audience { get; init; } = KnowledgeAudience.Members;
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<string> Related { get; init; } = [];
    public DateOnly? Effective { get; init; }
    public DateOnly? Expires { get; init; }
    public string File { get; init; } = string.Empty;
    public int Line { get; init; }

    public bool IsPassage => Heading is not null;

    public bool IsVisibleTo(KnowledgeAudience caller) => Audience <= caller;

    public bool IsInForce(DateOnly today) =>
        (Effective is null || Effective <= today) && (Expires is null || today <= Expires);
}
