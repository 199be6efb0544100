using Cppcc.Dialogs.Framework.Cards;

namespace Cppcc.Dialogs.Knowledge;

/// <summary>
/// A candidate or related entry was picked: <c>{"action":"kb.show","id","question"}</c>. <see cref="Question"/> is what
/// the user asked, kept for the feedback buttons of the answer shown.
/// </summary>
public sealed record KnowledgeShow(string? Id, string? Question) : ICardSubmit<KnowledgeShow>
{
    /// <inheritdoc />
    public static string ActionName => "kb.show";
}

/// <summary>"有帮助 / 没帮助" on an answer: <c>{"action":"kb.feedback","id","helpful":"true|false","question"}</c>.</summary>
public sealed record KnowledgeFeedback(string? Id, string? Helpful, string? Question) : ICardSubmit<KnowledgeFeedback>
{
    /// <inheritdoc />
    public static string ActionName => "kb.feedback";

    /// <summary>True when the vote says the answer helped (any other value is "not helpful").</summary>
    public bool IsHelpful => string.Equals(Helpful, "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The vote on <paramref name="entryId"/>, answering <paramref name="question"/>.</summary>
    public static KnowledgeFeedback For(string entryId, bool helpful, string question) => new(entryId, helpful ? "true" : "false", question);
}

/// <summary>Pass an unanswered question to staff: <c>{"action":"kb.handoff","question"}</c>.</summary>
public sealed record KnowledgeHandOff(string? Question) : ICardSubmit<KnowledgeHandOff>
{
    /// <inheritdoc />
    public static string ActionName => "kb.handoff";
}

/// <summary>Staff answer the asker of a passed-on question: <c>{"action":"kb.reply","ticket","answer"}</c> (staff only).</summary>
public sealed record KnowledgeReply(string? Ticket, string? Answer) : ICardSubmit<KnowledgeReply>
{
    /// <inheritdoc />
    public static string ActionName => "kb.reply";
}

/// <summary>
/// Staff turn a passed-on question (and the answer typed on its card) into an entry:
/// <c>{"action":"kb.promote","question","answer","audience"}</c> (staff only). <see cref="Audience"/> is the asker's
/// (<c>public</c>, <c>members</c>, <c>staff</c>), which the ticket card sets so the new entry starts no wider than who asked;
/// cards sent before it existed carry none.
/// </summary>
public sealed record KnowledgePromote(string? Question, string? Answer, string? Audience = null) : ICardSubmit<KnowledgePromote>
{
    /// <inheritdoc />
    public static string ActionName => "kb.promote";
}

/// <summary>
/// The entry editor was submitted:
/// <c>{"action":"kb.save","id","questions","answer","source","url","audience","tags","related"}</c> (staff only).
/// </summary>
public sealed record KnowledgeSave(
    string? Id, string? Questions, string? Answer, string? Source, string? Url, string? Audience, string? Tags, string? Related)
    : ICardSubmit<KnowledgeSave>
{
    /// <inheritdoc />
    public static string ActionName => "kb.save";

    /// <summary>The button of the editor: the fields come from its inputs.</summary>
    public static KnowledgeSave FromInputs { get; } = new(null, null, null, null, null, null, null, null);
}
