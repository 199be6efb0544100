using Cppcc.Bot.Storage.Postgres;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Npgsql;

namespace Cppcc.Bot.Conversations;

/// <summary>
/// <see cref="IConversationReferenceStore"/> on PostgreSQL: tables <c>conversation_references</c> (personal) and
/// <c>shared_conversation_references</c> (group chats and channels), as the LiteDB collections. No per-process cache
/// of what was written: another instance may have written since, so an unchanged row is left alone by the database.
/// </summary>
public sealed class PostgresConversationReferenceStore(NpgsqlDataSource dataSource, TimeProvider time) : IConversationReferenceStore
{
    // WeChat users stay reachable after they leave: customer-service messages and subscription notices.
    private const string KeptWhenIdle = "wechat";

    /// <summary>The two tables; the reference is jsonb (read back whole by Newtonsoft, never queried inside).</summary>
    public static readonly PostgresSchema Schema = new("conversation-references-001", """
        CREATE TABLE conversation_references (
            user_key text PRIMARY KEY,
            channel_id text NOT NULL,
            role text NOT NULL,
            reference jsonb NOT NULL,
            updated_at timestamptz NOT NULL
        );
        CREATE INDEX conversation_references_role ON conversation_references (role, updated_at);
        CREATE TABLE shared_conversation_references (
            user_key text PRIMARY KEY,
            channel_id text NOT NULL,
            role text NOT NULL,
            reference jsonb NOT NULL,
            updated_at timestamptz NOT NULL
        );
        """);

    /// <inheritdoc />
    public Task RememberAsync(Caller caller, ConversationReference reference, CancellationToken cancellationToken)
    {
        // The incoming activity id is not part of where to send later.
        reference.ActivityId = null;
        var table = ConversationScope.IsPersonal(reference) ? "conversation_references" : "shared_conversation_references";
        dataSource.Execute(
            $"""
             INSERT INTO {table} (user_key, channel_id, role, reference, updated_at) VALUES ($1, $2, $3, $4::jsonb, $5)
             ON CONFLICT (user_key) DO UPDATE SET channel_id = $2, role = $3, reference = $4::jsonb, updated_at = $5
             WHERE ({table}.role, {table}.reference) IS DISTINCT FROM ($3, $4::jsonb)
             """,
            caller.UserKey, reference.ChannelId ?? "", caller.Role.ToString(), JsonConvert.SerializeObject(reference), time.GetUtcNow().UtcDateTime);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public ConversationReference? Find(string userKey) => Read("conversation_references", userKey);

    /// <inheritdoc />
    public ConversationReference? FindShared(string userKey) => Read("shared_conversation_references", userKey);

    /// <inheritdoc />
    public Role? RoleOf(string userKey)
        => dataSource.QuerySingle(
            """
            SELECT role FROM conversation_references WHERE user_key = $1
            UNION ALL SELECT role FROM shared_conversation_references WHERE user_key = $1
            LIMIT 1
            """,
            r => r.GetString(0), userKey) is { } stored && Enum.TryParse<Role>(stored, out var role) ? role : null;

    /// <inheritdoc />
    public IReadOnlyList<string> UserKeys(Role role)
    {
        var roles = Enum.GetValues<Role>().Where(r => r >= role).Select(r => r.ToString()).ToArray();
        return dataSource.Query(
            """
            SELECT user_key FROM conversation_references WHERE role = ANY($1)
            UNION SELECT user_key FROM shared_conversation_references WHERE role = ANY($1)
            """,
            r => r.GetString(0), PostgresCommands.Array(roles));
    }

    /// <inheritdoc />
    public int ForgetPublicCallersIdleSince(DateTimeOffset cutoff)
        => dataSource.Execute(
            "DELETE FROM conversation_references WHERE updated_at < $1 AND role = $2 AND channel_id <> $3",
            cutoff.UtcDateTime, nameof(Role.Public), KeptWhenIdle);

    private ConversationReference? Read(string table, string userKey)
        => dataSource.QuerySingle($"SELECT reference::text FROM {table} WHERE user_key = $1", r => r.GetString(0), userKey) is { } json
            ? JsonConvert.DeserializeObject<ConversationReference>(json)
            : null;
}
