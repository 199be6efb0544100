using Cppcc.Dialogs.Root;

namespace Cppcc.Dialogs.Knowledge;

/// <summary>What happens to questions the knowledge base could not answer, and to answer feedback.</summary>
public interface IKnowledgeInbox
{
    /// <summary>Keeps an unanswered question for curators (deduplicated, counted).</summary>
    Task LogUnansweredAsync(string question, Role role, CancellationToken cancellationToken);

    /// <summary>Stores the caller's vote on an entry (one vote per user and entry; a new click replaces the old one).</summary>
    Task RecordFeedbackAsync(string entryId, bool helpful, Caller caller, CancellationToken cancellationToken);

    /// <summary>
    /// Passes <paramref name="question"/> to staff for <paramref name="asker"/>: a ticket that staff see in Teams and can
    /// answer. Returns the ticket id; asking the same question again returns the open ticket. Null when the caller has
    /// passed on too many questions lately (nothing is stored or sent then).
    /// </summary>
    Task<string?> HandOffAsync(string question, Caller asker, CancellationToken cancellationToken);

    /// <summary>
    /// Sends staff's <paramref name="answer"/> to the asker of ticket <paramref name="ticketId"/> and closes it.
    /// Returns false when the ticket does not exist.
    /// </summary>
    Task<HandOffReply> ReplyAsync(string ticketId, string answer, Caller staff, CancellationToken cancellationToken);
}

/// <summary>What became of a staff reply.</summary>
public enum HandOffReply
{
    /// <summary>No such ticket.</summary>
    UnknownTicket,

    /// <summary>Delivered to the asker.</summary>
    Delivered,

    /// <summary>Saved on the ticket, but the asker has no stored conversation to send it to.</summary>
    Undeliverable,
}
