using System.Text;
using Cppcc.Bot.Knowledge.Retrieval;
using Cppcc.Bot.Storage;
using Cppcc.Dialogs.Knowledge;
using LiteDB;

namespace Cppcc.Bot.Knowledge;

/// <summary><see cref="IUnansweredQuestionStore"/> on LiteDB. Owns <c>kb_unanswered</c>.</summary>
public sealed class UnansweredQuestionStore : IUnansweredQuestionStore
{
    private readonly ILiteCollection<Unanswered> _questions;
    private readonly object _gate = new();

    /// <summary>Creates the store.</summary>
    public UnansweredQuestionStore(ILiteDatabase database)
    {
        _questions = LiteDbCollections.Open<Unanswered>(database, "kb_unanswered");
        _questions.EnsureIndex(q => q.Count);
    }

    /// <inheritdoc />
    public void Record(string question, DateTimeOffset now, bool handedOff = false, bool countAsking = true)
    {
        var key = Key(question);
        if (key.Length == 0)
        {
            return;
        }

        // Read-modify-write of a counter: one writer at a time within this process (the only one on the file).
        lock (_gate)
        {
            var stored = _questions.FindById(key) ?? new Unanswered { Id = key, Question = question, FirstAsked = now.UtcDateTime };
            stored.Count += countAsking ? 1 : 0;
            stored.LastAsked = now.UtcDateTime;
            stored.HandedOff |= handedOff;
            _questions.Upsert(stored);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<UnansweredQuestion> Top(int max)
        => _questions.Query().OrderByDescending(q => q.Count).Limit(max).ToList()
            .Select(q => new UnansweredQuestion(q.Question, q.Count, new DateTimeOffset(DateTime.SpecifyKind(q.LastAsked, DateTimeKind.Utc)), q.HandedOff))
            .ToList();

    /// <summary>The dedup key: normalized letters and digits only.</summary>
    public static string Key(string question)
    {
        var normalized = ChineseTextNormalizer.Normalize(question);
        var key = new StringBuilder(normalized.Length);
        foreach (var c in normalized.Where(char.IsLetterOrDigit))
        {
            key.Append(c);
        }

        return key.Length > 200 ? key.ToString(0, 200) : key.ToString();
    }

    private sealed class Unanswered
    {
        [BsonId]
        public string Id { get; set; } = "";
        public string Question { get; set; } = "";
        public int Count { get; set; }
        public bool HandedOff { get; set; }
        public DateTime FirstAsked { get; set; }
        public DateTime LastAsked { get; set; }
    }
}
