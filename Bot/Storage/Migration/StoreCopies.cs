using Cppcc.Bot.Attachments;
using Cppcc.Bot.Broadcasts;
using Cppcc.Bot.Delivery;
using Cppcc.Bot.Reminders;
using Cppcc.Bot.Reports;
using Cppcc.Bot.WeChat;
using LiteDB;
using Npgsql;
using static Cppcc.Bot.Storage.Migration.Bson;

namespace Cppcc.Bot.Storage.Migration;

/// <summary>
/// Every collection the <c>migrate</c> command copies, one entry per collection, in the column order of the PostgreSQL
/// store's schema. A store that gets a PostgreSQL table adds its line here.
/// </summary>
public static class StoreCopies
{
    /// <summary>The copies, in order.</summary>
    public static IReadOnlyList<CollectionCopy> All { get; } =
    [
        new("bot_state", "bot_state", "INSERT INTO bot_state (id, json, etag) VALUES ($1, $2, $3)",
            (d, _) => [d["_id"].AsString, TextOrEmpty(d, "Json"), TextOrEmpty(d, "ETag")]),
        new("conversation_references", "conversation_references", InsertReference("conversation_references"), Reference),
        new("shared_conversation_references", "shared_conversation_references", InsertReference("shared_conversation_references"), Reference),
        new("signing_keys", "signing_keys", "INSERT INTO signing_keys (id, key) VALUES ($1, $2)",
            (d, _) => [d["_id"].AsString, Bytes(d, "Key")]),
        new("member_sectors", "member_sectors", "INSERT INTO member_sectors (user_key, sector, set_by, updated_at) VALUES ($1, $2, $3, $4)",
            (d, _) => [d["_id"].AsString, TextOrEmpty(d, "Sector"), TextOrEmpty(d, "SetBy"), Utc(d, "UpdatedAt") ?? DateTime.UnixEpoch]),
        new("member_groups", "member_groups", "INSERT INTO member_groups (id, kind, member_keys, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5)",
            (d, _) => [d["_id"].AsString, TextOrEmpty(d, "Kind"), new NpgsqlParameter { Value = Texts(d, "MemberKeys") }, TextOrEmpty(d, "UpdatedBy"), Utc(d, "UpdatedAt") ?? DateTime.UnixEpoch]),
        new("calendar_events", "calendar_events",
            "INSERT INTO calendar_events (id, session_id, user_key, aad_object_id, event_id, synced_changes, removed, failures) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            (d, _) => [d["_id"].AsString, TextOrEmpty(d, "SessionId"), TextOrEmpty(d, "UserKey"), TextOrEmpty(d, "AadObjectId"), Text(d, "EventId"),
                Int(d, "SyncedChanges"), Bool(d, "Removed"), Int(d, "Failures")]),
        new("kb_entries", "kb_entries",
            "INSERT INTO kb_entries (id, questions, answer, source, url, audience, tags, related, effective, expires, retired, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
            (d, _) => [d["_id"].AsString, new NpgsqlParameter { Value = Texts(d, "Questions") }, TextOrEmpty(d, "Answer"), Text(d, "Source"), Text(d, "Url"),
                Text(d, "Audience") ?? "Members", new NpgsqlParameter { Value = Texts(d, "Tags") }, new NpgsqlParameter { Value = Texts(d, "Related") },
                Date(d, "Effective"), Date(d, "Expires"), Bool(d, "Retired"), TextOrEmpty(d, "UpdatedBy"), Utc(d, "UpdatedAt") ?? DateTime.UnixEpoch]),
        new("kb_feedback", "kb_feedback", "INSERT INTO kb_feedback (entry_id, user_key, helpful, at) VALUES ($1, $2, $3, $4)",
            (d, _) => [TextOrEmpty(d, "EntryId"), d["_id"].AsString[(TextOrEmpty(d, "EntryId").Length + 1)..], Bool(d, "Helpful"), Utc(d, "At") ?? DateTime.UnixEpoch]),
        new("kb_unanswered", "kb_unanswered",
            "INSERT INTO kb_unanswered (key, question, count, handed_off, first_asked, last_asked) VALUES ($1, $2, $3, $4, $5, $6)",
            (d, _) => [d["_id"].AsString, TextOrEmpty(d, "Question"), Int(d, "Count"), Bool(d, "HandedOff"), Utc(d, "FirstAsked") ?? DateTime.UnixEpoch,
                Utc(d, "LastAsked") ?? DateTime.UnixEpoch]),
        new("kb_tickets", "kb_tickets",
            "INSERT INTO kb_tickets (id, question, question_key, asker_key, asker_name, asker_role, created_at, staff_reached, answer, answered_by, answered_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            (d, _) => [d["_id"].AsInt32, TextOrEmpty(d, "Question"), TextOrEmpty(d, "QuestionKey"), TextOrEmpty(d, "AskerKey"), TextOrEmpty(d, "AskerName"),
                TextOrEmpty(d, "AskerRole"), Utc(d, "CreatedAt") ?? DateTime.UnixEpoch, Bool(d, "StaffReached"), Text(d, "Answer"), Text(d, "AnsweredBy"), Utc(d, "AnsweredAt")],
            // New tickets continue after the copied numbers.
            After: "SELECT setval(pg_get_serial_sequence('kb_tickets', 'id'), max(id)) FROM kb_tickets HAVING max(id) IS NOT NULL"),
        new("kb_waiting_told", "kb_waiting_told", "INSERT INTO kb_waiting_told (staff_key, newest_ticket_id) VALUES ($1, $2)",
            (d, _) => [d["_id"].AsString, Int(d, "NewestTicketId")]),
        new("kb_embeddings", "kb_embeddings", "INSERT INTO kb_embeddings (key, vector) VALUES ($1, $2)",
            (d, _) => [d["_id"].AsString, Bytes(d, "Vector")]),
        // The per-kind-and-year counters, so the next report is numbered after the copied ones. LiteDB's "all" counter
        // orders reports; PostgreSQL orders them by report_sequence, moved past the copied reports below.
        new("report_counters", "report_counters", "INSERT INTO report_counters (id, value) VALUES ($1, $2)",
            (d, _) => [d["_id"].AsString, Long(d, "Value")],
            Include: d => d["_id"].AsString != "all"),
        new("reports", "reports", PostgresReportStore.InsertRow,
            (d, db) => PostgresReportStore.Columns(LiteDbCollections.Read<StoredReport>(db, d)),
            After: "SELECT setval('report_sequence', max(sequence)) FROM reports HAVING max(sequence) IS NOT NULL"),
        // Sessions and broadcasts are numbered from the rows already there (a counter row starts at their count), so
        // copying the rows is enough for the next HD- and TZ- numbers to continue.
        new("study_sessions", "study_sessions", PostgresSessionStore.InsertRow,
            (d, db) => PostgresSessionStore.Columns(LiteDbCollections.Read<StudySession>(db, d))),
        new("session_rsvps", "session_rsvps", PostgresRsvpStore.Upsert,
            (d, db) => PostgresRsvpStore.Values(LiteDbCollections.Read<Rsvp>(db, d))),
        new("broadcasts", "broadcasts", PostgresBroadcastStore.InsertRow,
            (d, db) => PostgresBroadcastStore.Columns(LiteDbCollections.Read<Broadcast>(db, d))),
        new("deliveries", "deliveries", PostgresDeliveryStore.InsertNew,
            (d, db) => PostgresDeliveryStore.Values(LiteDbCollections.Read<DeliveryItem>(db, d))),
        new("wechat_tokens", "wechat_tokens", "INSERT INTO wechat_tokens (app_id, token, expires_at) VALUES ($1, $2, $3)",
            (d, _) => [d["_id"].AsString, TextOrEmpty(d, "Token"), Utc(d, "ExpiresAt") ?? DateTime.UnixEpoch]),
        new("wechat_users", "wechat_users", "INSERT INTO wechat_users (open_id, record) VALUES ($1, $2::jsonb)",
            (d, db) => [d["_id"].AsString, PostgresWeChatUserStore.ToJson(db.Mapper.ToObject<WeChatUserRecord>(d))]),
        // Callbacks taken in the last minutes, so a WeChat retry that arrives just after the switch is still recognised.
        new("wechat_callbacks", "wechat_callbacks", "INSERT INTO wechat_callbacks (key, value, expires_at) VALUES ($1, $2, $3)",
            (d, _) => [d["_id"].AsString, TextOrEmpty(d, "Value"), Utc(d, "ExpiresAt") ?? DateTime.UnixEpoch]),
        new("wechat_images", "wechat_images",
            "INSERT INTO wechat_images (id, open_id, reference, content_type, received_at, file_name, bytes) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            WeChatImage),
        new("report_attachments", "report_attachments", PostgresReportAttachmentStore.InsertRow, ReportAttachment),
        new("audit_trail", "audit_trail",
            "INSERT INTO audit_trail (id, at_unix_ms, actor_key, actor_name, action, target, before, after, previous_hash, hash) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            (d, _) => [d["_id"].AsInt64, Long(d, "AtUnixMs"), TextOrEmpty(d, "ActorKey"), TextOrEmpty(d, "ActorName"), TextOrEmpty(d, "Action"),
                TextOrEmpty(d, "Target"), Text(d, "Before"), Text(d, "After"), TextOrEmpty(d, "PreviousHash"), TextOrEmpty(d, "Hash")],
            // The head kept apart follows the copied chain (a file's own head was checked when the bot last ran on it).
            After: "INSERT INTO audit_head (id, count, hash) SELECT 1, id, hash FROM audit_trail ORDER BY id DESC LIMIT 1 " +
                "ON CONFLICT (id) DO UPDATE SET count = excluded.count, hash = excluded.hash"),
        // The staff list last seen, so a change of staff rights across the switch is still recorded.
        new("audit_staff", "audit_staff", "INSERT INTO audit_staff (id, staff_ids) VALUES ($1, $2)",
            (d, _) => [d["_id"].AsInt32, new NpgsqlParameter { Value = Texts(d, "StaffIds") }]),
    ];

    private static string InsertReference(string table)
        => $"INSERT INTO {table} (user_key, channel_id, role, reference, updated_at) VALUES ($1, $2, $3, $4::jsonb, $5)";

    private static object?[] Reference(BsonDocument d, ILiteDatabase _)
        => [d["_id"].AsString, TextOrEmpty(d, "ChannelId"), TextOrEmpty(d, "Role"), Text(d, "ReferenceJson") ?? "{}", Utc(d, "UpdatedAt") ?? DateTime.UnixEpoch];

    private static object?[] ReportAttachment(BsonDocument d, ILiteDatabase db)
    {
        // The bytes live in LiteDB file storage under the attachment's id.
        var attachment = LiteDbCollections.Read<StoredAttachment>(db, d);
        using var bytes = new MemoryStream();
        db.FileStorage.FindById(attachment.Id)?.CopyTo(bytes);
        return PostgresReportAttachmentStore.Values(attachment, bytes.ToArray());
    }

    private static object?[] WeChatImage(BsonDocument d, ILiteDatabase db)
    {
        var id = d["_id"].AsString;
        var file = db.FileStorage.FindById(id);
        using var bytes = new MemoryStream();
        file?.CopyTo(bytes);
        return [id, TextOrEmpty(d, "OpenId"), Text(d, "Reference"), TextOrEmpty(d, "ContentType"), Utc(d, "ReceivedAt") ?? DateTime.UnixEpoch,
            file?.Filename ?? Path.GetFileName(id), bytes.ToArray()];
    }
}
