using Cppcc.Bot.Conversations;
using Cppcc.Dialogs.Knowledge;
using Cppcc.Dialogs.Notifications;
using Cppcc.Dialogs.Root;

namespace Cppcc.Bot.Knowledge;

/// <summary>
/// Unanswered questions, feedback and hand-offs to staff. A handed-off question reaches every
/// staff member who has a conversation with the bot, as a card they can answer; the answer reaches the asker
/// proactively through their stored conversation. Question text and names are never logged.
/// </summary>
public sealed class KnowledgeInbox : IKnowledgeInbox
{
    private readonly IUnansweredQuestionStore _unanswered;
    private readonly IKnowledgeFeedbackStore _feedback;
    private readonly IKnowledgeTicketStore _tickets;
    private readonly IWaitingNoticeStore _told;
    private readonly IConversationReferenceStore _references;
    private readonly IUserNotifier _notifier;
    private readonly HandOffLimiter _limiter;
    private readonly TimeProvider _time;
    private readonly ILogger<KnowledgeInbox> _logger;

    /// <summary>Creates the inbox.</summary>
    public KnowledgeInbox(IUnansweredQuestionStore unanswered, IKnowledgeFeedbackStore feedback, IKnowledgeTicketStore tickets, IWaitingNoticeStore told,
        IConversationReferenceStore references, IUserNotifier notifier, HandOffLimiter limiter, TimeProvider time, ILogger<KnowledgeInbox> logger)
    {
        _unanswered = unanswered;
        _feedback = feedback;
        _tickets = tickets;
        _told = told;
        _references = references;
        _notifier = notifier;
        _limiter = limiter;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public Task LogUnansweredAsync(string question, Role role, CancellationToken cancellationToken)
    {
        _unanswered.Record(question, _time.GetUtcNow());
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task RecordFeedbackAsync(string entryId, bool helpful, Caller caller, CancellationToken cancellationToken)
    {
        _feedback.Record(entryId, helpful, caller.UserKey, _time.GetUtcNow());
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<HandOffTicket?> HandOffAsync(string question, Caller asker, CancellationToken cancellationToken)
    {
        if (!_limiter.TryTake(asker))
        {
            _logger.LogWarning("Hand-off refused by the rate limit for a {Role} caller", asker.Role);
            return null;
        }

        var (ticket, created) = _tickets.Open(question, asker, _time.GetUtcNow());
        if (!created)
        {
            _limiter.Return(asker);
            return new HandOffTicket(ticket.DisplayId, ticket.StaffReached);
        }

        _unanswered.Record(question, _time.GetUtcNow(), handedOff: true, countAsking: false);
        var staff = _references.UserKeys(Role.Staff);
        var reached = 0;
        foreach (var staffKey in staff)
        {
            var card = KnowledgeStaffCards.Ticket("zh-CN", ticket.DisplayId, question, asker.Name, asker.Role);
            if (await TryNotifyAsync(staffKey, card, "kb-ticket-" + ticket.DisplayId, cancellationToken).ConfigureAwait(false))
            {
                reached++;
            }
        }

        if (reached == 0)
        {
            _logger.LogWarning("Knowledge ticket {TicketId} reached no staff member ({StaffKnown} known); it waits in the unanswered list",
                ticket.DisplayId, staff.Count);
        }
        else
        {
            _tickets.MarkStaffReached(ticket);
            _logger.LogInformation("Knowledge ticket {TicketId} sent to {Reached} staff members", ticket.DisplayId, reached);
        }

        return new HandOffTicket(ticket.DisplayId, reached > 0);
    }

    /// <inheritdoc />
    public Task<int> TakeWaitingNoticeAsync(Caller staff, CancellationToken cancellationToken)
    {
        var (count, newest) = _tickets.Unreached();
        return Task.FromResult(count > 0 && _told.TryTell(staff.UserKey, newest) ? count : 0);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<OpenTicket>> OpenTicketsAsync(int max, CancellationToken cancellationToken)
    {
        IReadOnlyList<OpenTicket> open = _tickets.OpenTickets(max)
            .Select(t => new OpenTicket(t.DisplayId, t.Question, t.AskerName, Enum.TryParse<Role>(t.AskerRole, out var role) ? role : Role.Public))
            .ToList();
        return Task.FromResult(open);
    }

    /// <inheritdoc />
    public async Task<HandOffReply> ReplyAsync(string ticketId, string answer, Caller staff, CancellationToken cancellationToken)
    {
        var ticket = _tickets.Find(ticketId);
        if (ticket is null)
        {
            return HandOffReply.UnknownTicket;
        }

        _tickets.Answer(ticket, answer, staff.UserKey, _time.GetUtcNow());
        var message = KnowledgeStaffCards.ReplyToAsker("zh-CN", ticket.Question, answer);
        // One delivery per answer: a corrected second answer is a new job.
        var jobId = $"kb-reply-{ticket.DisplayId}-{_time.GetUtcNow().ToUnixTimeMilliseconds()}";
        var delivered = await TryNotifyAsync(ticket.AskerKey, message, jobId, cancellationToken).ConfigureAwait(false);
        _logger.LogInformation("Knowledge ticket {TicketId} answered; delivered to the asker: {Delivered}", ticket.DisplayId, delivered);
        return delivered ? HandOffReply.Delivered : HandOffReply.Undeliverable;
    }

    /// <summary>
    /// Sends through the notifier; an unreachable channel counts as "not reached" instead of failing the turn of the
    /// person who clicked (the ticket or answer is already stored).
    /// </summary>
    private async Task<bool> TryNotifyAsync(string userKey, Microsoft.Bot.Schema.IMessageActivity message, string jobId, CancellationToken cancellationToken)
    {
        try
        {
            return await _notifier.NotifyAsync(userKey, message, jobId, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            _logger.LogWarning("Knowledge notification {JobId} could not be delivered: {Error}", jobId, e.GetType().Name);
            return false;
        }
    }
}
