using Cppcc.Dialogs.Root;

namespace Cppcc.Dialogs.Knowledge;

/// <summary>What happens to questions the knowledge base could not answer, and to answer feedback.</summary>
public interface IKnowledgeInbox
{
    /// <summary>Keeps an unanswered question for curators (deduplicated, counted).</summary>
    void LogUnanswered(string question, Role role);

    /// <summary>Stores the caller's vote on an entry (one vote per user and entry; a new click replaces the old one).</summary>
    void RecordFeedback(string entryId, bool helpful, Caller caller);

    /// <summary>
    /// Passes <paramref name="question"/> to staff for <paramref name="asker"/>: a ticket that staff see in Teams and can
    /// answer. Returns the ticket and whether any staff member was reached; asking the same question again returns the
    /// open ticket. Null when the caller has passed on too many questions lately (nothing is stored or sent then).
    /// Asynchronous because it sends the ticket to staff.
    /// </summary>
    Task<HandOffTicket?> HandOffAsync(string question, Caller asker, CancellationToken cancellationToken);

    /// <summary>
    /// For a staff member starting a turn: how many passed-on questions reached no staff member and still wait, when
    /// some arrived since this staff member was last told (0 otherwise). Each waiting batch is told once per person.
    /// </summary>
    int TakeWaitingNotice(Caller staff);

    /// <summary>Passed-on questions nobody has answered yet, oldest first, for staff to answer from the list.</summary>
    IReadOnlyList<OpenTicket> OpenTickets(int max);

    /// <summary>
    /// Sends staff's <paramref name="answer"/> to the asker of ticket <paramref name="ticketId"/> and closes it.
    /// Says whether it reached the asker, or that the ticket does not exist.
    /// </summary>
    Task<HandOffReply> ReplyAsync(string ticketId, string answer, Caller staff, CancellationToken cancellationToken);
}

/// <summary>A question passed to staff: its ticket id and whether a staff member received it now.</summary>
public sealed record HandOffTicket(string TicketId, bool StaffReached);

/// <summary>A passed-on question still waiting for staff's answer (asker's name: staff only).</summary>
public sealed record OpenTicket(string TicketId, string Question, string AskerName, Role AskerRole);

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
