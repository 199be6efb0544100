using Cppcc.Bot.Attachments;
using Cppcc.Bot.Audiences;
using Cppcc.Bot.Audit;
using Cppcc.Bot.Broadcasts;
using Cppcc.Bot.Conversations;
using Cppcc.Bot.Delivery;
using Cppcc.Bot.Graph;
using Cppcc.Bot.Knowledge;
using Cppcc.Bot.Reminders;
using Cppcc.Bot.Reports;
using Cppcc.Bot.Storage;
using Cppcc.Bot.Storage.Migration;
using Cppcc.Bot.Storage.Postgres;
using Cppcc.Bot.Tests.Support;
using Cppcc.Bot.WeChat;
using Cppcc.Dialogs.Reports;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Cppcc.Bot.Tests.Storage;

/// <summary>The <c>migrate</c> command: a LiteDB file's data read back through the PostgreSQL stores, once.</summary>
public sealed class MigrateCommandTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly PostgresSchema[] Schemas =
    [
        PostgresStorage.Schema, PostgresConversationReferenceStore.Schema, PostgresSigningKeyStore.Schema, PostgresMemberSectorStore.Schema,
        PostgresGroupStore.Schema, PostgresCalendarEntryStore.Schema, PostgresKnowledgeEntryStore.Schema, PostgresKnowledgeFeedbackStore.Schema,
        PostgresUnansweredQuestionStore.Schema, PostgresKnowledgeTicketStore.Schema, PostgresWaitingNoticeStore.Schema,
        PostgresEmbeddingCacheStore.Schema, PostgresWeChatTokenStore.Schema, PostgresWeChatUserStore.Schema, PostgresWeChatImageStore.Schema,
        PostgresWeChatCallbackStore.Schema, PostgresAuditStore.Schema, new("reports-001", PostgresReportStore.Schema), new("sessions-001", PostgresSessionStore.Schema),
        new("rsvps-001", PostgresRsvpStore.Schema), new("broadcasts-001", PostgresBroadcastStore.Schema), new("delivery-001", PostgresDeliveryStore.Schema),
        PostgresReportAttachmentStore.Schema, PostgresStaffSnapshotStore.Schema,
    ];

    private readonly TempDatabase _file = new();

    [PostgresFact]
    public async Task Every_store_reads_back_on_PostgreSQL_what_it_held_on_LiteDB_and_a_second_run_is_refused()
    {
        var signingKey = await FillLiteDbAsync();
        await using var services = Services(await TestPostgres.CreateDatabaseAsync());
        var (exit, output, error) = Run(services, "migrate", "--from", _file.FilePath);

        Assert.True(exit == 0, error);
        Assert.Contains("kb_tickets: 2", output);
        Assert.Contains("audit_trail: 3", output);
        Assert.Contains("not copied (no PostgreSQL store yet): future_store", output);
        var db = services.GetRequiredService<NpgsqlDataSource>();

        var state = await new PostgresStorage(db).ReadAsync(["conv/1"]);
        Assert.Equal("第三步", ((BotStateStorageTests.Note)state["conv/1"]).Text);
        var references = new PostgresConversationReferenceStore(db, TimeProvider.System);
        Assert.Equal("a:personal", references.Find("msteams:aad-1")?.Conversation.Id);
        Assert.Equal("19:group", references.FindShared("msteams:aad-1")?.Conversation.Id);
        Assert.Equal(Role.Staff, references.RoleOf("msteams:aad-1"));
        Assert.Equal(signingKey, new PostgresSigningKeyStore(db).GetOrCreate("export-links", 32));
        Assert.Equal("民盟", new PostgresMemberSectorStore(db, TimeProvider.System).Find("msteams:aad-1"));
        Assert.Equal(["msteams:aad-1", "msteams:aad-2"], new PostgresGroupStore(db).Find("文史委")!.MemberKeys);
        Assert.Equal("ev-1", new PostgresCalendarEntryStore(db).Find("HD-1", "msteams:aad-1")!.EventId);
        var entries = new PostgresKnowledgeEntryStore(db).Overlay([]);
        Assert.Equal(("kb-new", "新答案", new DateOnly(2026, 3, 1)), (entries.Single().Id, entries.Single().Answer, entries.Single().Effective!.Value));
        Assert.Equal((1, 0), new PostgresKnowledgeFeedbackStore(db).Counts().Select(c => (c.Helpful, c.NotHelpful)).Single());
        Assert.Equal(("停车场在哪里", 2), new PostgresUnansweredQuestionStore(db).Top(5).Select(q => (q.Question, q.Count)).Single());
        var tickets = new PostgresKnowledgeTicketStore(db);
        Assert.Equal("已回复", tickets.Find("KB-1")!.Answer);
        Assert.Equal(3, tickets.Open("新的问题", new Caller("webchat:v", "", Role.Public), Now).Ticket.Id);
        Assert.False(new PostgresWaitingNoticeStore(db).TryTell("msteams:staff", 2));
        Assert.Equal([1f, 2f], new PostgresEmbeddingCacheStore(db).Find("vec-1")!);
        Assert.Equal("wx-token", new PostgresWeChatTokenStore(db).Find("wx-app")!.Value.Token);
        Assert.Equal(["未送达的通知"], new PostgresWeChatUserStore(db).TakePending("o-1"));
        // A WeChat retry arriving just after the switch is still recognised as one.
        Assert.Equal("taken-on-litedb", new PostgresWeChatCallbackStore(db).Claim("message|msg:77", "retry", Now.AddMinutes(1), Now.AddMinutes(11)));
        var images = new PostgresWeChatImageStore(db);
        Assert.Equal(["wechat/img-1"], images.For("JY-2026-0001"));
        Assert.Equal(new byte[] { 1, 2, 3 }, images.Open("wechat/img-1")!.Value.Bytes);
        var attachments = new PostgresReportAttachmentStore(db);
        Assert.Equal([("说明.pdf", 1), ("照片.png", 2)], attachments.For("SQ-2026-000001").Select(a => (a.FileName, a.Number)));
        Assert.Equal(new byte[] { 4, 5, 6, 7 }, attachments.Open("report/SQ-2026-000001/1")!.Value.Bytes);
        Assert.Equal("msteams:aad-1", attachments.Open("report/SQ-2026-000001/2")!.Value.Attachment.OwnerKey);
        // The next file is numbered after the copied ones, and the limit counts them.
        Assert.True(attachments.TryAdd(new StoredAttachment
        {
            Id = "report/SQ-2026-000001/3",
            Reference = "SQ-2026-000001",
            FileName = "c.pdf",
            ContentType = "application/pdf",
            ReceivedAt = Now.UtcDateTime
        }, [9], 3));
        Assert.Equal(3, attachments.For("SQ-2026-000001")[^1].Number);
        Assert.False(attachments.TryAdd(new StoredAttachment
        {
            Id = "report/SQ-2026-000001/4",
            Reference = "SQ-2026-000001",
            FileName = "d.pdf",
            ContentType = "application/pdf",
            ReceivedAt = Now.UtcDateTime
        }, [9], 3));
        var audit = new PostgresAuditStore(db, TimeProvider.System);
        Assert.Equal((3L, (long?)null), (audit.Verify().Checked, audit.Verify().BrokenAt));
        Assert.True(new PostgresStaffSnapshotStore(db).Load()!.SetEquals(["aad-old", "aad-staff"]));
        Assert.DoesNotContain("audit_staff", output.Split('\n').Single(l => l.Contains("not copied", StringComparison.Ordinal)));

        var (again, againOutput, againError) = Run(services, "migrate", "--from", _file.FilePath);
        Assert.Equal(1, again);
        Assert.Contains("not empty", againError);
        Assert.DoesNotContain('\n', againError.TrimEnd());
        Assert.Equal("", againOutput);
        Assert.Equal(3L, audit.Verify().Checked);
    }

    [PostgresFact]
    public async Task Reports_sessions_answers_broadcasts_and_the_queue_carry_on_where_LiteDB_left_off()
    {
        using (var lite = _file.Open())
        {
            var reports = new ReportStore(lite);
            reports.Insert(Report("路灯不亮"), 2026);
            reports.Insert(Report("公交线路"), 2026);
            var sessions = new SessionStore(lite);
            var session = sessions.Add(Session("理论学习"));
            sessions.Add(Session("专题研讨"));
            new RsvpStore(lite).Save(new Rsvp { SessionId = session.Id, UserKey = "msteams:aad-1", Name = "张委员", Attends = true, At = Now });
            new BroadcastStore(lite).Add(new Broadcast { Year = 2026, Text = "会议通知", CreatedBy = "msteams:staff", CreatedAt = Now, Recipients = 2 });
            new DeliveryStore(lite).AddNew(
            [
                Delivery("TZ-2026-0001", "msteams:aad-1", DeliveryState.Pending),
                Delivery("TZ-2026-0001", "msteams:aad-2", DeliveryState.Sending),
            ]);
        }

        await using var services = Services(await TestPostgres.CreateDatabaseAsync());
        var (exit, output, error) = Run(services, "migrate", "--from", _file.FilePath);

        Assert.True(exit == 0, error);
        Assert.DoesNotContain("not copied", output);
        var db = services.GetRequiredService<NpgsqlDataSource>();
        var pgReports = new PostgresReportStore(db);
        Assert.Equal("路灯不亮", pgReports.Find("SQ-2026-000001")!.Title);
        Assert.Equal(["公交线路", "路灯不亮"], pgReports.Page(null, null, 0, 10).Items.Select(r => r.Title));
        Assert.Equal("SQ-2026-000003", pgReports.Insert(Report("新的反映"), 2026));
        Assert.Equal("新的反映", pgReports.ByAuthor("msteams:aad-1", 1).Single().Title);

        var pgSessions = new PostgresSessionStore(db);
        Assert.Equal("理论学习", pgSessions.Find("HD-2026-0001")!.Title);
        Assert.Equal("HD-2026-0003", pgSessions.Add(Session("新的活动")).Id);
        Assert.Equal(("张委员", true, Now), new PostgresRsvpStore(db).For("HD-2026-0001").Select(r => (r.Name, r.Attends, r.At)).Single());

        var pgBroadcasts = new PostgresBroadcastStore(db);
        Assert.Equal("会议通知", pgBroadcasts.Find("TZ-2026-0001")!.Text);
        Assert.Equal("TZ-2026-0002", pgBroadcasts.Add(new Broadcast { Year = 2026, Text = "第二条", CreatedAt = Now }).Id);

        // The item that was on the wire is sent again, as a restart on LiteDB would, and counted as interrupted.
        var queue = new PostgresDeliveryStore(db, new DeliveryOptions());
        var claimed = queue.Claim(Now.AddMinutes(1), 10);
        Assert.Equal([("msteams:aad-1", 0), ("msteams:aad-2", 1)],
            claimed.Select(i => (i.RecipientKey, i.Interruptions)).OrderBy(i => i.RecipientKey, StringComparer.Ordinal));
        Assert.All(claimed, i => Assert.Equal(DeliveryState.Pending, i.State));
    }

    [PostgresFact]
    public async Task A_missing_file_a_wrong_argument_or_a_LiteDB_target_is_one_line_and_nothing_is_written()
    {
        await using var services = Services(await TestPostgres.CreateDatabaseAsync());

        var missing = Run(services, "migrate", "--from", Path.Combine(_file.Folder, "none.db"));
        var wrong = Run(services, "migrate", "--form", _file.FilePath);
        await using var liteDbTarget = Services(null);
        var notPostgres = Run(liteDbTarget, "migrate", "--from", _file.FilePath);

        Assert.Equal(2, missing.Exit);
        Assert.StartsWith("找不到 LiteDB 文件", missing.Error);
        Assert.Equal(2, wrong.Exit);
        Assert.Contains("usage", wrong.Error);
        Assert.Equal(2, notPostgres.Exit);
        Assert.Contains("Storage__Provider=PostgreSql", notPostgres.Error);
        await using var count = services.GetRequiredService<NpgsqlDataSource>().CreateCommand("SELECT count(*) FROM bot_state");
        Assert.Equal(0L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public void Other_commands_leave_the_bot_to_start()
    {
        using var services = new ServiceCollection().BuildServiceProvider();

        Assert.False(MigrateCommand.TryRun(services, _file.Folder, ["--urls", "http://127.0.0.1:5000"], TextWriter.Null, TextWriter.Null, out _));
    }

    private async Task<byte[]> FillLiteDbAsync()
    {
        using var db = _file.Open();
        var time = TimeProvider.System;
        await new LiteDbStorage(db).WriteAsync(new Dictionary<string, object> { ["conv/1"] = new BotStateStorageTests.Note { Text = "第三步" } });
        var references = new ConversationReferenceStore(db, time);
        var staff = new Caller("msteams:aad-1", "王干部", Role.Staff);
        await references.RememberAsync(staff, Reference("a:personal", "personal"), CancellationToken.None);
        await references.RememberAsync(staff, Reference("19:group", "groupChat"), CancellationToken.None);
        var key = new SigningKeyStore(db).GetOrCreate("export-links", 32);
        new MemberSectorStore(db, time).Set("msteams:aad-1", "民盟", "msteams:staff");
        new GroupStore(db).Save(new MemberGroup { Id = "文史委", Kind = "专委会", MemberKeys = ["msteams:aad-1", "msteams:aad-2"], UpdatedBy = "s", UpdatedAt = Now });
        new CalendarEntryStore(db).Save(new CalendarEntry { Id = CalendarEntry.KeyOf("HD-1", "msteams:aad-1"), SessionId = "HD-1", UserKey = "msteams:aad-1", AadObjectId = "aad-1", EventId = "ev-1" });
        new KnowledgeEntryStore(db).Save(new KnowledgeEntry { Id = "kb-new", Questions = ["新问题"], Answer = "新答案", Effective = new DateOnly(2026, 3, 1) }, "msteams:staff", Now);
        new KnowledgeFeedbackStore(db).Record("kb-new", true, "msteams:aad|with-bar", Now);
        var unanswered = new UnansweredQuestionStore(db);
        unanswered.Record("停车场在哪里", Now);
        unanswered.Record("停车场在哪里？", Now);
        var tickets = new KnowledgeTicketStore(db);
        var (first, _) = tickets.Open("停车场在哪里", staff, Now);
        tickets.Open("食堂几点开门", staff, Now);
        tickets.Answer(first, "已回复", "msteams:staff", Now);
        new WaitingNoticeStore(db).TryTell("msteams:staff", 2);
        new EmbeddingCacheStore(db).Save([("vec-1", [1f, 2f])]);
        new WeChatTokenStore(db).Save("wx-app", "wx-token", Now.AddHours(2));
        new WeChatUserStore(db).AddPending("o-1", "未送达的通知");
        new WeChatCallbackStore(db).Claim("message|msg:77", "taken-on-litedb", Now, Now.AddMinutes(10));
        var images = new WeChatImageStore(db);
        images.Add(new WeChatImageInfo("wechat/img-1", "o-1", null, "image/png", Now.UtcDateTime), "wechat/img-1.png", [1, 2, 3]);
        images.Attach("o-1", "JY-2026-0001");
        var attachments = new ReportAttachmentStore(db);
        attachments.TryAdd(new StoredAttachment
        {
            Id = "report/SQ-2026-000001/1",
            Reference = "SQ-2026-000001",
            OwnerKey = "msteams:aad-1",
            FileName = "说明.pdf",
            ContentType = "application/pdf",
            Length = 4,
            ReceivedAt = Now.UtcDateTime
        }, [4, 5, 6, 7], 5);
        attachments.TryAdd(new StoredAttachment
        {
            Id = "report/SQ-2026-000001/2",
            Reference = "SQ-2026-000001",
            OwnerKey = "msteams:aad-1",
            FileName = "照片.png",
            ContentType = "image/png",
            Length = 1,
            ReceivedAt = Now.UtcDateTime
        }, [8], 5);
        var audit = new AuditStore(db, time, Microsoft.Extensions.Logging.Abstractions.NullLogger<AuditStore>.Instance);
        audit.Record("msteams:staff", "王干部", "report.transition", "SQ-1", "submitted", "accepted");
        audit.Record("msteams:staff", "", "session.create", "HD-1", null, "集中学习");
        audit.Record("msteams:staff", "王干部", "broadcast.send", "TZ-1", "", null);
        // The staff list last seen by the role watcher: a change across the switch must still be recorded.
        Assert.True(new StaffSnapshotStore(db).TryReplace(null, new HashSet<string> { "aad-staff", "aad-old" }));
        // A collection of a store without a PostgreSQL table yet: reported, not copied.
        db.GetCollection("future_store").Insert(new LiteDB.BsonDocument { ["_id"] = "x-1" });
        return key;
    }

    private static StoredReport Report(string title) => new()
    {
        Kind = ReportKind.Report,
        Category = "城建",
        Title = title,
        Content = "情况",
        AuthorKey = "msteams:aad-1",
        AuthorName = "张委员",
        State = ReportState.Submitted,
        SubmittedAt = Now.UtcDateTime,
        UpdatedAt = Now.UtcDateTime,
    };

    private static StudySession Session(string title) => new()
    {
        Title = title,
        StartsAt = Now.AddDays(7),
        OffsetMinutes = 480,
        Location = "三楼会议室",
        CreatedBy = "msteams:staff",
    };

    private static DeliveryItem Delivery(string jobId, string recipientKey, DeliveryState state) => new()
    {
        Id = DeliveryItem.MakeId(jobId, recipientKey),
        JobId = jobId,
        RecipientKey = recipientKey,
        ConversationId = "a:" + recipientKey,
        ReferenceJson = "{}",
        ActivityJson = "{}",
        State = state,
        DueAt = Now,
        CreatedAt = Now,
        UpdatedAt = Now,
    };

    private static ServiceProvider Services(string? connectionString)
    {
        var services = new ServiceCollection();
        services.AddOptions<StorageOptions>().Configure(o => o.Provider = connectionString is null ? StorageProvider.LiteDb : StorageProvider.PostgreSql);
        services.AddSingleton(_ => PostgresStartup.Open(connectionString, Schemas));
        return services.BuildServiceProvider();
    }

    private (int Exit, string Output, string Error) Run(IServiceProvider services, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Assert.True(MigrateCommand.TryRun(services, _file.Folder, args, output, error, out var exit));
        return (exit, output.ToString(), error.ToString());
    }

    private static ConversationReference Reference(string conversationId, string type) => new()
    {
        ChannelId = "msteams",
        ServiceUrl = "http://127.0.0.1:9/",
        Conversation = new ConversationAccount(id: conversationId, conversationType: type, tenantId: "tenant-1"),
        User = new ChannelAccount("29:u"),
        Bot = new ChannelAccount("28:b"),
    };

    public void Dispose() => _file.Dispose();
}
