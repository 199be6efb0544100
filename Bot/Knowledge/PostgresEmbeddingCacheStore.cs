using Cppcc.Bot.Storage.Postgres;
using Npgsql;

namespace Cppcc.Bot.Knowledge;

/// <summary><see cref="IEmbeddingCacheStore"/> on PostgreSQL (table <c>kb_embeddings</c>, vectors as bytes).</summary>
public sealed class PostgresEmbeddingCacheStore(NpgsqlDataSource dataSource) : IEmbeddingCacheStore
{
    /// <summary>The table.</summary>
    public static readonly PostgresSchema Schema = new("kb-embeddings-001", """
        CREATE TABLE kb_embeddings (
            key text PRIMARY KEY,
            vector bytea NOT NULL
        );
        """);

    /// <inheritdoc />
    public float[]? Find(string key)
        => dataSource.QuerySingle("SELECT vector FROM kb_embeddings WHERE key = $1", r => EmbeddingCacheStore.FromBytes((byte[])r[0]), key);

    /// <inheritdoc />
    public void Save(IEnumerable<(string Key, float[] Vector)> vectors)
    {
        // One statement per batch: a KB load saves up to 64 vectors at a time.
        var batch = vectors.GroupBy(v => v.Key, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        if (batch.Count == 0)
        {
            return;
        }

        dataSource.Execute(
            """
            INSERT INTO kb_embeddings (key, vector) SELECT * FROM unnest($1::text[], $2::bytea[])
            ON CONFLICT (key) DO UPDATE SET vector = excluded.vector
            """,
            PostgresCommands.Array(batch.Select(v => v.Key).ToArray()),
            PostgresCommands.Array(batch.Select(v => EmbeddingCacheStore.ToBytes(v.Vector)).ToArray()));
    }
}
