using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Npgsql;

namespace Cppcc.Bot.Storage.Postgres;

/// <summary>
/// The Bot Framework <see cref="IStorage"/> on PostgreSQL, behaving as <see cref="LiteDbStorage"/> does: many keys per
/// call, a stale ETag fails the whole batch, <c>*</c> or none always wins. The ETag check is part of each row's
/// update, so instances writing the same conversation at once cannot both win. Owns the <c>bot_state</c> table.
/// </summary>
public sealed class PostgresStorage(NpgsqlDataSource dataSource) : IStorage
{
    /// <summary>
    /// The JSON is kept as text, not jsonb: jsonb reorders properties, and Newtonsoft expects <c>$type</c> first.
    /// </summary>
    public static readonly PostgresSchema Schema = new("bot-state-001", """
        CREATE TABLE bot_state (
            id text PRIMARY KEY,
            json text NOT NULL,
            etag text NOT NULL
        );
        """);

    /// <inheritdoc />
    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var byId = keys.Distinct().GroupBy(BotStateFormat.DocumentId).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        IDictionary<string, object> result = new Dictionary<string, object>(keys.Length);
        if (byId.Count == 0)
        {
            return result;
        }

        await using var command = dataSource.Command("SELECT id, json, etag FROM bot_state WHERE id = ANY($1)", PostgresCommands.Array(byId.Keys.ToArray()));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            foreach (var key in byId[reader.GetString(0)])
            {
                var value = JsonConvert.DeserializeObject(reader.GetString(1), BotStateFormat.Json);
                if (value is IStoreItem item)
                {
                    item.ETag = reader.GetString(2);
                }

                if (value is not null)
                {
                    result[key] = value;
                }
            }
        }

        return result;
    }

    /// <inheritdoc />
    public async Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        // Rows are locked in id order, so two batches over the same keys cannot deadlock.
        var rows = changes.Select(c => (Key: c.Key, Id: BotStateFormat.DocumentId(c.Key), Value: c.Value))
            .OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        foreach (var (key, id, value) in rows)
        {
            var json = JsonConvert.SerializeObject(value, BotStateFormat.Json);
            var etag = value is IStoreItem { ETag: { } given } && given != "*" ? given : null;
            // With an ETag the existing row is replaced only while it still carries that ETag; a missing row is
            // written either way (as LiteDB and the SDK's MemoryStorage do).
            await using var command = transaction.Command(
                etag is null
                    ? "INSERT INTO bot_state (id, json, etag) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET json = $2, etag = $3"
                    : "INSERT INTO bot_state (id, json, etag) VALUES ($1, $2, $3) ON CONFLICT (id) DO UPDATE SET json = $2, etag = $3 WHERE bot_state.etag = $4",
                etag is null ? [id, json, BotStateFormat.NewETag()] : [id, json, BotStateFormat.NewETag(), etag]);
            if (await command.ExecuteNonQueryAsync(cancellationToken) == 0)
            {
                await using var current = transaction.Command("SELECT etag FROM bot_state WHERE id = $1", id);
                var currentETag = await current.ExecuteScalarAsync(cancellationToken) as string;
                await transaction.RollbackAsync(cancellationToken);
                throw BotStateFormat.Conflict(key, etag!, currentETag);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Length == 0)
        {
            return;
        }

        await using var command = dataSource.Command("DELETE FROM bot_state WHERE id = ANY($1)", PostgresCommands.Array(keys.Select(BotStateFormat.DocumentId).Distinct().ToArray()));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
