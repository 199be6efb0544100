using Cppcc.Dialogs.Root;

namespace Cppcc.Bot.Knowledge;

/// <summary>Questions passed to staff (<see cref="KnowledgeTicketStore.Ticket"/>, numbered <c>KB-n</c>) and their answers.</summary>
public interface IKnowledgeTicketStore
{
    /// <summary>Opens a ticket, or returns the asker's open ticket for the same question (a double click is one ticket).</summary>
    (KnowledgeTicketStore.Ticket Ticket, bool Created) Open(string question, Caller asker, DateTimeOffset now);

    /// <summary>The ticket with display id <paramref name="ticketId"/> (e.g. <c>KB-12</c>), or null.</summary>
    KnowledgeTicketStore.Ticket? Find(string ticketId);

    /// <summary>Notes that the ticket's card reached at least one staff member.</summary>
    void MarkStaffReached(KnowledgeTicketStore.Ticket ticket);

    /// <summary>Tickets without an answer, oldest first.</summary>
    IReadOnlyList<KnowledgeTicketStore.Ticket> OpenTickets(int max);

    /// <summary>Unanswered tickets whose card reached nobody: how many, and the newest id (0 when none).</summary>
    (int Count, int NewestId) Unreached();

    /// <summary>Stores staff's answer on the ticket.</summary>
    void Answer(KnowledgeTicketStore.Ticket ticket, string answer, string staffKey, DateTimeOffset now);
}
