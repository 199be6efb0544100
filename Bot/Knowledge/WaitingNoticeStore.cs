using Cppcc.Bot.Storage;
using LiteDB;

namespace Cppcc.Bot.Knowledge;

/// <summary><see cref="IWaitingNoticeStore"/> on LiteDB. Owns <c>kb_waiting_told</c>.</summary>
public sealed class WaitingNoticeStore : IWaitingNoticeStore
{
    private readonly ILiteCollection<Told> _told;
    private readonly object _gate = new();

    /// <summary>Creates the store.</summary>
    public WaitingNoticeStore(ILiteDatabase database) => _told = LiteDbCollections.Open<Told>(database, "kb_waiting_told");

    /// <inheritdoc />
    public bool TryTell(string staffKey, int newestTicketId)
    {
        lock (_gate)
        {
            var told = _told.FindById(staffKey);
            if (told is not null && told.NewestTicketId >= newestTicketId)
            {
                return false;
            }

            _told.Upsert(new Told { Id = staffKey, NewestTicketId = newestTicketId });
            return true;
        }
    }

    private sealed class Told
    {
        [BsonId]
        public string Id { get; set; } = "";
        public int NewestTicketId { get; set; }
    }
}
