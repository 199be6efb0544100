using Cppcc.Bot.Storage.Postgres;
using Npgsql;

namespace Cppcc.Bot.Knowledge;

/// <summary><see cref="IKnowledgeEntryStore"/> on PostgreSQL (table <c>kb_entries</c>).</summary>
public sealed class PostgresKnowledgeEntryStore(NpgsqlDataSource dataSource) : IKnowledgeEntryStore
{
    private const string Columns = "id, questions, answer, source, url, audience, tags, related, effective, expires, retired, updated_by, updated_at";

    /// <summary>The table.</summary>
    public static readonly PostgresSchema Schema = new("kb-entries-001", """
        CREATE TABLE kb_entries (
            id text PRIMARY KEY,
            questions text[] NOT NULL,
            answer text NOT NULL,
            source text,
            url text,
            audience text NOT NULL,
            tags text[] NOT NULL,
            related text[] NOT NULL,
            effective date,
            expires date,
            retired boolean NOT NULL,
            updated_by text NOT NULL,
            updated_at timestamptz NOT NULL
        );
        """);

    /// <inheritdoc />
    public IReadOnlyList<KnowledgeEntry> Overlay(IReadOnlyList<KnowledgeEntry> fromFiles)
        => KnowledgeEntryStore.Apply(fromFiles, dataSource.Query($"SELECT {Columns} FROM kb_entries", Read));

    /// <inheritdoc />
    public void Save(KnowledgeEntry entry, string staffKey, DateTimeOffset now) => Write(entry, retired: false, staffKey, now);

    /// <inheritdoc />
    public void Retire(KnowledgeEntry entry, string staffKey, DateTimeOffset now) => Write(entry, retired: true, staffKey, now);

    private void Write(KnowledgeEntry e, bool retired, string staffKey, DateTimeOffset now)
        => dataSource.Execute(
            $"""
             INSERT INTO kb_entries ({Columns}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
             ON CONFLICT (id) DO UPDATE SET questions = $2, answer = $3, source = $4, url = $5, audience = $6, tags = $7,
                 related = $8, effective = $9, expires = $10, retired = $11, updated_by = $12, updated_at = $13
             """,
            e.Id, PostgresCommands.Array(e.Questions.ToArray()), e.Answer, e.Source, e.Url, e.Audience.ToString(),
            PostgresCommands.Array(e.Tags.ToArray()), PostgresCommands.Array(e.Related.ToArray()), e.Effective, e.Expires, retired, staffKey, now.ToUniversalTime());

    private static CuratedEntry Read(NpgsqlDataReader r) => new(
        new KnowledgeEntry
        {
            Id = r.GetString(0),
            Questions = r.GetFieldValue<string[]>(1),
            Answer = r.GetString(2),
            Source = r.NullableString(3),
            Url = r.NullableString(4),
            Audience = Enum.TryParse<KnowledgeAudience>(r.GetString(5), out var a) ? a : KnowledgeAudience.Members,
            Tags = r.GetFieldValue<string[]>(6),
            Related = r.GetFieldValue<string[]>(7),
            Effective = r.IsDBNull(8) ? null : r.GetFieldValue<DateOnly>(8),
            Expires = r.IsDBNull(9) ? null : r.GetFieldValue<DateOnly>(9),
            File = "(Teams)",
        },
        r.GetBoolean(10));
}
