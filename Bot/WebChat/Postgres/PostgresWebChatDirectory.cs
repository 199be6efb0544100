using Microsoft.Extensions.Options;
using Npgsql;

namespace Cppcc.Bot.WebChat.Postgres;

/// <summary>The conversations' rows, shared by every instance.</summary>
internal sealed class PostgresWebChatDirectory(NpgsqlDataSource dataSource, IOptions<WebChatOptions> options) : IWebChatDirectory
{
    public async Task<SharedConversation?> FindAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT user_id, client_address FROM webchat_conversations WHERE id = $1");
        command.Parameters.AddWithValue(id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? new SharedConversation(id, reader.GetString(0), reader.GetString(1)) : null;
    }

    public async Task<StartRefusal?> TryStartAsync(SharedConversation conversation, long startAfter, DateTimeOffset now, CancellationToken cancellationToken)
    {
        // REVIEW: two instances admitting at the same moment may each see one place left; the caps are a fair share
        // against one address hogging the pool, not an exact count, so an overshoot by a few is accepted.
        var o = options.Value;
        await using var insert = dataSource.CreateCommand("""
            INSERT INTO webchat_conversations (id, user_id, client_address, last_sequence, last_seen)
            SELECT $1, $2, $3, $4, $5
            WHERE (SELECT count(*) FROM webchat_conversations) < $6
              AND (SELECT count(*) FROM webchat_conversations WHERE client_address = $3) < $7
            ON CONFLICT (id) DO NOTHING
            """);
        insert.Parameters.AddWithValue(conversation.Id);
        insert.Parameters.AddWithValue(conversation.UserId);
        insert.Parameters.AddWithValue(conversation.ClientAddress);
        // A client-supplied number when a dropped conversation is resumed: keep it far from overflow.
        insert.Parameters.AddWithValue(Math.Clamp(startAfter, 0, int.MaxValue));
        insert.Parameters.AddWithValue(now);
        insert.Parameters.AddWithValue((long)o.MaxConversations);
        insert.Parameters.AddWithValue((long)o.MaxConversationsPerClient);
        if (await insert.ExecuteNonQueryAsync(cancellationToken) == 1)
        {
            return null;
        }

        await using var held = dataSource.CreateCommand("SELECT count(*) FROM webchat_conversations WHERE client_address = $1");
        held.Parameters.AddWithValue(conversation.ClientAddress);
        return (long)(await held.ExecuteScalarAsync(cancellationToken))! >= o.MaxConversationsPerClient ? StartRefusal.ClientShareUsed : StartRefusal.PoolFull;
    }

    public async Task TouchAsync(IReadOnlyList<(string Id, DateTimeOffset LastSeen)> seen, CancellationToken cancellationToken)
    {
        if (seen.Count == 0)
        {
            return;
        }

        await using var command = dataSource.CreateCommand("""
            UPDATE webchat_conversations c SET last_seen = GREATEST(c.last_seen, s.seen)
            FROM unnest($1::text[], $2::timestamptz[]) AS s(id, seen) WHERE c.id = s.id
            """);
        command.Parameters.AddWithValue(seen.Select(s => s.Id).ToArray());
        command.Parameters.AddWithValue(seen.Select(s => s.LastSeen).ToArray());
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<IReadOnlySet<string>> RemoveIdleAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("DELETE FROM webchat_conversations WHERE last_seen < $1 RETURNING id");
        command.Parameters.AddWithValue(cutoff);
        var removed = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            removed.Add(reader.GetString(0));
        }

        return removed;
    }
}
