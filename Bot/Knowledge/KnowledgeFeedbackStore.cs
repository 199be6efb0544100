using Cppcc.Bot.Storage;
using Cppcc.Dialogs.Knowledge;
using LiteDB;

namespace Cppcc.Bot.Knowledge;

/// <summary>"有帮助 / 没帮助" votes, one per user and entry (a new click replaces the old). Owns <c>kb_feedback</c>.</summary>
public sealed class KnowledgeFeedbackStore
{
    private readonly ILiteCollection<Vote> _votes;

    /// <summary>Creates the store.</summary>
    public KnowledgeFeedbackStore(ILiteDatabase database)
    {
        _votes = LiteDbCollections.Open<Vote>(database, "kb_feedback");
        _votes.EnsureIndex(v => v.EntryId);
    }

    /// <summary>Records <paramref name="userKey"/>'s vote on an entry.</summary>
    public void Record(string entryId, bool helpful, string userKey, DateTimeOffset now)
        => _votes.Upsert(new Vote { Id = entryId + "|" + userKey, EntryId = entryId, Helpful = helpful, At = now.UtcDateTime });

    /// <summary>Counts per entry, most voted first.</summary>
    public IReadOnlyList<EntryFeedback> Counts()
        => _votes.FindAll()
            .GroupBy(v => v.EntryId, StringComparer.Ordinal)
            .Select(g => new EntryFeedback(g.Key, g.Count(v => v.Helpful), g.Count(v => !v.Helpful)))
            .OrderByDescending(f => f.Helpful + f.NotHelpful).ThenBy(f => f.EntryId, StringComparer.Ordinal)
            .ToList();

    private sealed class Vote
    {
        [BsonId]
        public string Id { get; set; } = "";
        public string EntryId { get; set; } = "";
        public bool Helpful { get; set; }
        public DateTime At { get; set; }
    }
}
