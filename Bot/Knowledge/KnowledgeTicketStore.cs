using Cppcc.Bot.Storage;
using Cppcc.Dialogs.Root;
using LiteDB;

namespace Cppcc.Bot.Knowledge;

/// <summary><see cref="IKnowledgeTicketStore"/> on LiteDB. Owns <c>kb_tickets</c>.</summary>
public sealed class KnowledgeTicketStore : IKnowledgeTicketStore
{
    private readonly ILiteCollection<Ticket> _tickets;
    private readonly object _gate = new();

    /// <summary>Creates the store.</summary>
    public KnowledgeTicketStore(ILiteDatabase database)
    {
        _tickets = LiteDbCollections.Open<Ticket>(database, "kb_tickets");
        _tickets.EnsureIndex(t => t.AskerKey);
    }

    /// <inheritdoc />
    public (Ticket Ticket, bool Created) Open(string question, Caller asker, DateTimeOffset now)
    {
        var key = UnansweredQuestionStore.Key(question);
        lock (_gate)
        {
            var open = _tickets.Find(t => t.AskerKey == asker.UserKey && t.AnsweredAt == null).FirstOrDefault(t => t.QuestionKey == key);
            if (open is not null)
            {
                return (open, false);
            }

            var ticket = new Ticket
            {
                Question = question,
                QuestionKey = key,
                AskerKey = asker.UserKey,
                AskerName = asker.Name,
                AskerRole = asker.Role.ToString(),
                CreatedAt = now.UtcDateTime,
            };
            _tickets.Insert(ticket);
            return (ticket, true);
        }
    }

    /// <inheritdoc />
    public Ticket? Find(string ticketId)
        => TryParse(ticketId, out var id) ? _tickets.FindById(id) : null;

    /// <inheritdoc />
    public void MarkStaffReached(Ticket ticket)
    {
        ticket.StaffReached = true;
        _tickets.Update(ticket);
    }

    /// <inheritdoc />
    public IReadOnlyList<Ticket> OpenTickets(int max)
        => _tickets.Query().Where(t => t.AnsweredAt == null).OrderBy(t => t.Id).Limit(max).ToList();

    /// <inheritdoc />
    public (int Count, int NewestId) Unreached()
    {
        var ids = _tickets.Query().Where(t => t.AnsweredAt == null && !t.StaffReached).Select(t => t.Id).ToList();
        return (ids.Count, ids.Count == 0 ? 0 : ids.Max());
    }

    /// <inheritdoc />
    public void Answer(Ticket ticket, string answer, string staffKey, DateTimeOffset now)
    {
        ticket.Answer = answer;
        ticket.AnsweredBy = staffKey;
        ticket.AnsweredAt = now.UtcDateTime;
        _tickets.Update(ticket);
    }

    /// <summary>The number of a display id: <c>KB-12</c> or <c>12</c>.</summary>
    internal static bool TryParse(string ticketId, out int id)
    {
        var digits = ticketId.Trim().StartsWith("KB-", StringComparison.OrdinalIgnoreCase) ? ticketId.Trim()[3..] : ticketId.Trim();
        return int.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out id);
    }

    /// <summary>A question passed to staff.</summary>
    public sealed class Ticket
    {
        /// <summary>Sequence number (LiteDB auto id).</summary>
        [BsonId(autoId: true)]
        public int Id { get; set; }

        /// <summary>What users and staff see: <c>KB-12</c>.</summary>
        [BsonIgnore]
        public string DisplayId => "KB-" + Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        /// <summary>The question as asked.</summary>
        public string Question { get; set; } = "";

        /// <summary>Dedup key of the question.</summary>
        public string QuestionKey { get; set; } = "";

        /// <summary>Who asked (their <see cref="Caller.UserKey"/>; the answer goes to their stored conversation).</summary>
        public string AskerKey { get; set; } = "";

        /// <summary>The asker's display name, shown to staff only (never logged); empty when the channel gave none.</summary>
        public string AskerName
        {
            get;
            // LiteDB stores an empty string as null (BsonMapper.EmptyStringToNull), so a visitor without a name came
            // back as null.
            set => field = value ?? "";
        } = "";

        /// <summary>The asker's role when asking.</summary>
        public string AskerRole { get; set; } = "";

        /// <summary>When it was passed to staff.</summary>
        public DateTime CreatedAt { get; set; }

        /// <summary>Whether the ticket's card reached a staff member when it was passed on.</summary>
        public bool StaffReached { get; set; }

        /// <summary>Staff's answer.</summary>
        public string? Answer { get; set; }

        /// <summary>Who answered.</summary>
        public string? AnsweredBy { get; set; }

        /// <summary>When it was answered; null while open.</summary>
        public DateTime? AnsweredAt { get; set; }
    }
}
