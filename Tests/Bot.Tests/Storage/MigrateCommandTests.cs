using Cppcc.Bot.Audiences;
using Cppcc.Bot.Audit;
using Cppcc.Bot.Conversations;
using Cppcc.Bot.Graph;
using Cppcc.Bot.Knowledge;
using Cppcc.Bot.Reports;
using Cppcc.Bot.Storage;
using Cppcc.Bot.Storage.Migration;
using Cppcc.Bot.Storage.Postgres;
using Cppcc.Bot.Tests.Support;
using Cppcc.Bot.WeChat;
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
        PostgresAuditStore.Schema,
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
        Assert.Contains("not copied (no PostgreSQL store yet): reports", output);
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
        var images = new PostgresWeChatImageStore(db);
        Assert.Equal(["wechat/img-1"], images.For("JY-2026-0001"));
        Assert.Equal(new byte[] { 1, 2, 3 }, images.Open("wechat/img-1")!.Value.Bytes);
        var audit = new PostgresAuditStore(db, TimeProvider.System);
        Assert.Equal((3L, (long?)null), (audit.Verify().Checked, audit.Verify().BrokenAt));

        var (again, againOutput, againError) = Run(services, "migrate", "--from", _file.FilePath);
        Assert.Equal(1, again);
        Assert.Contains("not empty", againError);
        Assert.DoesNotContain('\n', againError.TrimEnd());
        Assert.Equal("", againOutput);
        Assert.Equal(3L, audit.Verify().Checked);
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
        var images = new WeChatImageStore(db);
        images.Add(new WeChatImageInfo("wechat/img-1", "o-1", null, "image/png", Now.UtcDateTime), "wechat/img-1.png", [1, 2, 3]);
        images.Attach("o-1", "JY-2026-0001");
        var audit = new AuditStore(db, time, Microsoft.Extensions.Logging.Abstractions.NullLogger<AuditStore>.Instance);
        audit.Record("msteams:staff", "王干部", "report.transition", "SQ-1", "submitted", "accepted");
        audit.Record("msteams:staff", "", "session.create", "HD-1", null, "集中学习");
        audit.Record("msteams:staff", "王干部", "broadcast.send", "TZ-1", "", null);
        // A collection of a store without a PostgreSQL table yet: reported, not copied.
        db.GetCollection("reports").Insert(new LiteDB.BsonDocument { ["_id"] = "SQ-1" });
        return key;
    }

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
