using Cppcc.Bot.Storage.Postgres;
using Cppcc.Dialogs.Knowledge;
using Npgsql;

namespace Cppcc.Bot.Knowledge;

/// <summary><see cref="IKnowledgeFeedbackStore"/> on PostgreSQL (table <c>kb_feedback</c>, one row per entry and user).</summary>
public sealed class PostgresKnowledgeFeedbackStore(NpgsqlDataSource dataSource) : IKnowledgeFeedbackStore
{
    /// <summary>The table.</summary>
    public static readonly PostgresSchema Schema = new("kb-feedback-001", """
        CREATE TABLE kb_feedback (
            entry_id text NOT NULL,
            user_key text NOT NULL,
            helpful boolean NOT NULL,
            at timestamptz NOT NULL,
            PRIMARY KEY (entry_id, user_key)
        );
        """);

    /// <inheritdoc />
    public void Record(string entryId, bool helpful, string userKey, DateTimeOffset now)
        => dataSource.Execute(
            "INSERT INTO kb_feedback (entry_id, user_key, helpful, at) VALUES ($1, $2, $3, $4) ON CONFLICT (entry_id, user_key) DO UPDATE SET helpful = $3, at = $4",
            entryId, userKey, helpful, now.ToUniversalTime());

    /// <inheritdoc />
    public IReadOnlyList<EntryFeedback> Counts()
        => KnowledgeFeedbackStore.MostVotedFirst(dataSource.Query(
            "SELECT entry_id, count(*) FILTER (WHERE helpful), count(*) FILTER (WHERE NOT helpful) FROM kb_feedback GROUP BY entry_id",
            r => new EntryFeedback(r.GetString(0), (int)r.GetInt64(1), (int)r.GetInt64(2))));
}
