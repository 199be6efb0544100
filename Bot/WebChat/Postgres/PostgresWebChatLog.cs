using Microsoft.Extensions.Options;
using Npgsql;

namespace Cppcc.Bot.WebChat.Postgres;

/// <summary>
/// Activities in PostgreSQL, numbered per conversation by its row (the row lock keeps two instances' appends in
/// order), announced with NOTIFY in the same transaction so that every instance's streams wake when it commits.
/// </summary>
internal sealed class PostgresWebChatLog(NpgsqlDataSource dataSource, IOptions<WebChatOptions> options) : IWebChatActivityLog
{
    public async Task<string> AppendAsync(WebChatConversation conversation, Func<string, string> serialize, CancellationToken cancellationToken)
    {
        // Once begun, an append is finished: the visitor's echo or the bot's reply must not be half-written.
        cancellationToken = CancellationToken.None;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long sequence;
        await using (var next = new NpgsqlCommand(
            "UPDATE webchat_conversations SET last_sequence = last_sequence + 1 WHERE id = $1 RETURNING last_sequence", connection, transaction))
        {
            next.Parameters.AddWithValue(conversation.Id);
            sequence = await next.ExecuteScalarAsync(cancellationToken) is long value
                ? value
                : throw new WebChatConversationEndedException(conversation.Id);
        }

        var id = conversation.ActivityId(sequence);
        var batch = new NpgsqlBatch(connection, transaction)
        {
            BatchCommands =
            {
                Command("INSERT INTO webchat_activities (conversation_id, sequence, json) VALUES ($1, $2, $3)",
                    conversation.Id, sequence, serialize(id)),
                // The same bound as in memory, by count: older activities are dropped.
                Command("DELETE FROM webchat_activities WHERE conversation_id = $1 AND sequence <= $2",
                    conversation.Id, sequence - options.Value.MaxActivitiesPerConversation),
                Command("SELECT pg_notify($1, $2)", PostgresWebChatSchema.Channel, conversation.Id),
            },
        };
        await using (batch)
        {
            await batch.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        // Streams on this instance need not wait for the notification's round trip.
        conversation.Signal();
        return id;
    }

    public async Task<(IReadOnlyList<StoredActivity> Activities, long Watermark)> ReadAfterAsync(
        WebChatConversation conversation, long watermark, CancellationToken cancellationToken)
    {
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(Command(
            "SELECT sequence, json FROM webchat_activities WHERE conversation_id = $1 AND sequence > $2 ORDER BY sequence",
            conversation.Id, watermark));
        batch.BatchCommands.Add(Command("SELECT last_sequence FROM webchat_conversations WHERE id = $1", conversation.Id));
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        var activities = new List<StoredActivity>();
        while (await reader.ReadAsync(cancellationToken))
        {
            activities.Add(new StoredActivity(reader.GetInt64(0), reader.GetString(1)));
        }

        await reader.NextResultAsync(cancellationToken);
        var last = await reader.ReadAsync(cancellationToken) ? reader.GetInt64(0) : 0;
        // Each statement reads its own snapshot: an append committed between the two is in "last" but not in the
        // list, so the next watermark is the last activity read, never past one the client has not seen.
        return activities.Count == 0 ? ([], Math.Max(0, Math.Min(watermark, last))) : (activities, activities[^1].Sequence);
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.AddWithValue(value);
        }

        return command;
    }
}

/// <summary>The conversation was dropped (by any instance) while something was still being added to it.</summary>
internal sealed class WebChatConversationEndedException(string conversationId)
    : InvalidOperationException($"The web chat conversation {conversationId} has ended.");
