namespace Cppcc.Bot.WebChat.Postgres;

/// <summary>
/// The web chat's tables on PostgreSQL: conversations (who may use them, from which address, the last activity number,
/// when last seen), their activities as the client reads them, and the token signing key every instance shares.
/// </summary>
internal static class PostgresWebChatSchema
{
    public const string Id = "webchat-001";

    public const string Sql = """
        CREATE TABLE webchat_conversations (
            id text PRIMARY KEY,
            user_id text NOT NULL,
            client_address text NOT NULL,
            last_sequence bigint NOT NULL,
            last_seen timestamptz NOT NULL
        );
        CREATE INDEX webchat_conversations_client ON webchat_conversations (client_address);
        CREATE INDEX webchat_conversations_seen ON webchat_conversations (last_seen);
        CREATE TABLE webchat_activities (
            conversation_id text NOT NULL REFERENCES webchat_conversations (id) ON DELETE CASCADE,
            sequence bigint NOT NULL,
            json text NOT NULL,
            PRIMARY KEY (conversation_id, sequence)
        );
        """;

    /// <summary>The LISTEN/NOTIFY channel; the payload is the id of the conversation something was appended to.</summary>
    public const string Channel = "webchat_activity";
}
