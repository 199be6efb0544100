using Cppcc.Bot.Storage.Postgres;
using Cppcc.Dialogs.Knowledge;
using Npgsql;

namespace Cppcc.Bot.Knowledge;

/// <summary>
/// <see cref="IUnansweredQuestionStore"/> on PostgreSQL (table <c>kb_unanswered</c>). The count is incremented in the
/// upsert, so instances counting the same question at once lose no asking.
/// </summary>
public sealed class PostgresUnansweredQuestionStore(NpgsqlDataSource dataSource) : IUnansweredQuestionStore
{
    /// <summary>The table.</summary>
    public static readonly PostgresSchema Schema = new("kb-unanswered-001", """
        CREATE TABLE kb_unanswered (
            key text PRIMARY KEY,
            question text NOT NULL,
            count integer NOT NULL,
            handed_off boolean NOT NULL,
            first_asked timestamptz NOT NULL,
            last_asked timestamptz NOT NULL
        );
        CREATE INDEX kb_unanswered_count ON kb_unanswered (count DESC);
        """);

    /// <inheritdoc />
    public void Record(string question, DateTimeOffset now, bool handedOff = false, bool countAsking = true)
    {
        var key = UnansweredQuestionStore.Key(question);
        if (key.Length == 0)
        {
            return;
        }

        dataSource.Execute(
            """
            INSERT INTO kb_unanswered (key, question, count, handed_off, first_asked, last_asked) VALUES ($1, $2, $3, $4, $5, $5)
            ON CONFLICT (key) DO UPDATE SET count = kb_unanswered.count + $3, handed_off = kb_unanswered.handed_off OR $4, last_asked = $5
            """,
            key, question, countAsking ? 1 : 0, handedOff, now.ToUniversalTime());
    }

    /// <inheritdoc />
    public IReadOnlyList<UnansweredQuestion> Top(int max)
        => dataSource.Query(
            "SELECT question, count, last_asked, handed_off FROM kb_unanswered ORDER BY count DESC, key LIMIT $1",
            r => new UnansweredQuestion(r.GetString(0), r.GetInt32(1), r.GetFieldValue<DateTimeOffset>(2), r.GetBoolean(3)),
            max);
}
