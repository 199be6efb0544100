using Cppcc.Bot.Storage;
using Cppcc.Dialogs.Knowledge;
using LiteDB;

namespace Cppcc.Bot.Knowledge;

/// <summary><see cref="IKnowledgeFeedbackStore"/> on LiteDB. Owns <c>kb_feedback</c>.</summary>
public sealed class KnowledgeFeedbackStore : IKnowledgeFeedbackStore
{
    private readonly ILiteCollection<Vote> _votes;

    /// <summary>Creates the store.</summary>
    public KnowledgeFeedbackStore(ILiteDatabase database)
    {
        _votes = LiteDbCollections.Open<Vote>(database, "kb_feedback");
        _votes.EnsureIndex(v => v.EntryId);
    }

    /// <inheritdoc />
    public void Record(string entryId, bool helpful, string userKey, DateTimeOffset now)
        => _votes.Upsert(new Vote { Id = entryId + "|" + userKey, EntryId = entryId, Helpful = helpful, At = now.UtcDateTime });

    /// <inheritdoc />
    public IReadOnlyList<EntryFeedback> Counts()
        => MostVotedFirst(_votes.FindAll()
            .GroupBy(v => v.EntryId, StringComparer.Ordinal)
            .Select(g => new EntryFeedback(g.Key, g.Count(v => v.Helpful), g.Count(v => !v.Helpful))));

    /// <summary>The order staff see on every engine: most votes first, then by entry id.</summary>
    public static IReadOnlyList<EntryFeedback> MostVotedFirst(IEnumerable<EntryFeedback> counts)
        => counts.OrderByDescending(f => f.Helpful + f.NotHelpful).ThenBy(f => f.EntryId, StringComparer.Ordinal).ToList();

    private sealed class Vote
    {
        [BsonId]
        public string Id { get; set; } = "";
        public string EntryId { get; set; } = "";
        public bool Helpful { get; set; }
        public DateTime At { get; set; }
    }
}
