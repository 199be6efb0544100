using Cppcc.Bot.Conversations;
using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Knowledge;
using Cppcc.Dialogs.Notifications;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Schema;

namespace Cppcc.Bot.Knowledge;

/// <summary>
/// Unanswered questions, feedback and hand-offs to staff. A handed-off question reaches every
/// staff member who has a conversation with the bot, as a card they can answer; the answer reaches the asker
/// proactively through their stored conversation, in the office's language (nobody's chosen language is known outside their
/// own turn). Question text and names are never logged.
/// </summary>
public sealed class KnowledgeInbox(IUnansweredQuestionStore unanswered, IKnowledgeFeedbackStore feedback, IKnowledgeTicketStore tickets,
    IWaitingNoticeStore told, StaffRecipients staffNow, IUserNotifier notifier, HandOffLimiter limiter,
    OfficeSettings office, TimeProvider time, ILogger<KnowledgeInbox> logger) : IKnowledgeInbox
{
    /// <inheritdoc />
    public void LogUnanswered(string question, Role role) => unanswered.Record(question, time.GetUtcNow());

    /// <inheritdoc />
    public void RecordFeedback(string entryId, bool helpful, Caller caller)
        => feedback.Record(entryId, helpful, caller.UserKey, time.GetUtcNow());

    /// <inheritdoc />
    public async Task<HandOffTicket?> HandOffAsync(string question, Caller asker, CancellationToken cancellationToken)
    {
        if (!limiter.TryTake(asker))
        {
            logger.LogWarning("Hand-off refused by the rate limit for a {Role} caller", asker.Role);
            return null;
        }

        var (ticket, created) = tickets.Open(question, asker, time.GetUtcNow());
        if (!created)
        {
            limiter.Return(asker);
            return new HandOffTicket(ticket.DisplayId, ticket.StaffReached);
        }

        unanswered.Record(question, time.GetUtcNow(), handedOff: true, countAsking: false);
        var staff = staffNow.UserKeys();
        var reached = 0;
        foreach (var staffKey in staff)
        {
            var card = KnowledgeStaffCards.Ticket(office.Language, ticket.DisplayId, question, asker.Name, asker.Role);
            if (await TryNotifyAsync(staffKey, card, "kb-ticket-" + ticket.DisplayId, cancellationToken))
            {
                reached++;
            }
        }

        if (reached == 0)
        {
            logger.LogWarning("Knowledge ticket {TicketId} reached no staff member ({StaffKnown} known); it waits in the unanswered list",
                ticket.DisplayId, staff.Count);
        }
        else
        {
            tickets.MarkStaffReached(ticket);
            logger.LogInformation("Knowledge ticket {TicketId} sent to {Reached} staff members", ticket.DisplayId, reached);
        }

        return new HandOffTicket(ticket.DisplayId, reached > 0);
    }

    /// <inheritdoc />
    public int TakeWaitingNotice(Caller staff)
    {
        var (count, newest) = tickets.Unreached();
        return count > 0 && told.TryTell(staff.UserKey, newest) ? count : 0;
    }

    /// <inheritdoc />
    public IReadOnlyList<OpenTicket> OpenTickets(int max)
        => tickets.OpenTickets(max)
            .Select(t => new OpenTicket(t.DisplayId, t.Question, t.AskerName, Enum.TryParse<Role>(t.AskerRole, out var role) ? role : Role.Public))
            .ToList();

    /// <inheritdoc />
    public async Task<HandOffReply> ReplyAsync(string ticketId, string answer, Caller staff, CancellationToken cancellationToken)
    {
        var ticket = tickets.Find(ticketId);
        if (ticket is null)
        {
            return HandOffReply.UnknownTicket;
        }

        tickets.Answer(ticket, answer, staff.UserKey, time.GetUtcNow());
        var message = KnowledgeStaffCards.ReplyToAsker(office.Language, ticket.Question, answer);
        // One delivery per answer: a corrected second answer is a new job.
        var jobId = $"kb-reply-{ticket.DisplayId}-{time.GetUtcNow().ToUnixTimeMilliseconds()}";
        var delivered = await TryNotifyAsync(ticket.AskerKey, message, jobId, cancellationToken);
        logger.LogInformation("Knowledge ticket {TicketId} answered; delivered to the asker: {Delivered}", ticket.DisplayId, delivered);
        return delivered ? HandOffReply.Delivered : HandOffReply.Undeliverable;
    }

    /// <summary>
    /// Sends through the notifier; an unreachable channel counts as "not reached" instead of failing the turn of the
    /// person who clicked (the ticket or answer is already stored).
    /// </summary>
    private async Task<bool> TryNotifyAsync(string userKey, IMessageActivity message, string jobId, CancellationToken cancellationToken)
    {
        try
        {
            return await notifier.NotifyAsync(userKey, message, jobId, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            logger.LogWarning("Knowledge notification {JobId} could not be delivered: {Error}", jobId, e.GetType().Name);
            return false;
        }
    }
}
