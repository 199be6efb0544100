using Cppcc.Bot.Delivery;
using Cppcc.Bot.Tests.Reports;
using Cppcc.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Conversations;

/// <summary>
/// Private news (status notices, broadcasts, reminders) reaches only the person: their personal chat with the bot,
/// never a group chat or channel they also wrote in. Asserted on the conversation ids the Connector stub saw.
/// </summary>
public sealed class PrivateNoticeTests : IAsyncLifetime
{
    private const string GroupChat = "19:committee-chat";
    private readonly TempDatabase _db = new();
    private ConnectorStub _stub = null!;

    public async Task InitializeAsync() => _stub = await ConnectorStub.StartAsync();

    public async Task DisposeAsync()
    {
        await _stub.DisposeAsync();
        _db.Dispose();
    }

    /// <summary>The member @mentions the bot in a Teams group chat (the only way it answers there).</summary>
    private JObject InGroup(JObject personalMessage)
    {
        personalMessage["text"] = "<at>区政协助手</at> " + (string?)personalMessage["text"];
        personalMessage["conversation"] = new JObject { ["id"] = GroupChat, ["conversationType"] = "groupChat", ["tenantId"] = "tenant-1" };
        return personalMessage;
    }

    private List<StubRequest> ToGroup() => _stub.To(GroupChat);

    [Fact]
    public async Task A_status_notice_goes_to_the_personal_chat_after_the_author_mentioned_the_bot_in_a_group()
    {
        using var bot = new ReportBot(_db, _stub.ServiceUrl);
        var reference = ReportBot.Reference(await bot.Member("", ReportBot.Submit("report", "学校门口交通拥堵", "早晚高峰车辆占道。")));
        var mention = InGroup(BotFactory.TeamsMessage("菜单", "29:m1", "aad-m1"));
        mention["serviceUrl"] = _stub.ServiceUrl;
        await BotFactory.SendAsync(bot.Client, mention);

        var reply = ReportBot.Read(await bot.Staff("", ReportBot.Transition(reference, "returned", "请补充具体路段")));

        Assert.DoesNotContain("提交人目前无法接收消息", reply);
        Assert.Contains("请补充具体路段", Assert.Single(await _stub.TextsToAsync("a:m1", 1)));
        await bot.Factory.DeliveryIdleAsync(); // a wrong send would come from the same queue, and it is drained
        Assert.Empty(ToGroup());
    }

    [Fact]
    public async Task A_broadcast_goes_to_personal_chats_and_never_to_the_group_a_member_wrote_in_last()
    {
        await using var bot = new BotFactory(_db, TeamsScenario.Settings());
        var teams = new TeamsScenario(bot.CreateClient(), _stub);
        await teams.RegisterAsync("m1");
        await teams.RegisterAsync(TeamsScenario.StaffAad);
        await BotFactory.SendAsync(bot.CreateClient(), InGroup(teams.Message("m1", "菜单")));

        var reply = TeamsScenario.Text(await teams.SubmitAsync(TeamsScenario.StaffAad,
            new JObject { ["action"] = "broadcast.send", ["text"] = "本周五集中学习", ["audience"] = "all" }));

        Assert.Contains("共 2 位接收人", reply);
        await TeamsScenario.WaitUntilAsync(() => _stub.DeliveredTo(TeamsScenario.Conversation("m1")).Any(a => a.ToString().Contains("本周五集中学习")));
        await bot.DeliveryIdleAsync();
        Assert.Empty(ToGroup());
    }

    [Fact]
    public async Task A_broadcast_started_in_a_group_chat_reports_its_progress_in_the_senders_personal_chat()
    {
        await using var bot = new BotFactory(_db, TeamsScenario.Settings());
        var teams = new TeamsScenario(bot.CreateClient(), _stub);
        await teams.RegisterAsync("m1");
        await teams.RegisterAsync(TeamsScenario.StaffAad);

        var started = InGroup(teams.Message(TeamsScenario.StaffAad,
            value: new JObject { ["action"] = "broadcast.send", ["text"] = "本周五集中学习", ["audience"] = "all" }));
        Assert.Contains("共 2 位接收人", TeamsScenario.Text(await BotFactory.SendAsync(bot.CreateClient(), started)));

        var staff = TeamsScenario.Conversation(TeamsScenario.StaffAad);
        await TeamsScenario.WaitUntilAsync(() => _stub.To(staff).Any(r => r.Method == "POST" && r.Body.Contains("发送完毕")));
        Assert.Contains(_stub.To(staff), r => r.Body.Contains("发送进度"));
        Assert.DoesNotContain(ToGroup(), r => r.Body.Contains("发送进度") || r.Body.Contains("发送完毕"));
    }

    [Fact]
    public async Task A_download_link_asked_for_in_a_group_chat_is_sent_to_the_staff_members_personal_chat()
    {
        await using var bot = new BotFactory(_db, TeamsScenario.Settings());
        var teams = new TeamsScenario(bot.CreateClient(), _stub);
        await teams.RegisterAsync("m1");
        await teams.RegisterAsync(TeamsScenario.StaffAad);
        var started = TeamsScenario.Text(await teams.SubmitAsync(TeamsScenario.StaffAad,
            new JObject { ["action"] = "broadcast.send", ["text"] = "本周五集中学习", ["audience"] = "all" }));
        var id = System.Text.RegularExpressions.Regex.Match(started, @"TZ-\d{4}-\d{4}").Value;

        var inGroup = TeamsScenario.Text(await BotFactory.SendAsync(bot.CreateClient(), InGroup(teams.Message(TeamsScenario.StaffAad, "通知结果 " + id))));

        Assert.Contains("下载链接已通过私聊发送给您", inGroup);
        Assert.DoesNotContain("/exports/", inGroup);
        var staff = TeamsScenario.Conversation(TeamsScenario.StaffAad);
        await TeamsScenario.WaitUntilAsync(() => _stub.DeliveredTo(staff).Any(a => a.ToString().Contains("/exports/")));
        Assert.Empty(ToGroup());
    }

    [Fact]
    public async Task A_member_seen_only_in_a_group_gets_a_personal_chat_opened_with_tenant_and_member()
    {
        await using var bot = new BotFactory(_db, TeamsScenario.Settings());
        var teams = new TeamsScenario(bot.CreateClient(), _stub);
        await teams.RegisterAsync(TeamsScenario.StaffAad);
        await BotFactory.SendAsync(bot.CreateClient(), InGroup(teams.Message("m2", "菜单")));

        var reply = TeamsScenario.Text(await teams.SubmitAsync(TeamsScenario.StaffAad,
            new JObject { ["action"] = "broadcast.send", ["text"] = "区政协全体会议通知", ["audience"] = "all" }));

        Assert.Contains("共 2 位接收人", reply);
        await TeamsScenario.WaitUntilAsync(() => _stub.Requests.Any(r => r.Status == 200 && r.Body.Contains("区政协全体会议通知") && r.ConversationId.StartsWith("a:new-", StringComparison.Ordinal)));
        var create = Assert.Single(_stub.Requests, r => r.Method == "POST" && r.ConversationId == "");
        var body = JObject.Parse(create.Body);
        Assert.Equal("tenant-1", (string?)body["tenantId"]);
        Assert.Equal("tenant-1", (string?)body["channelData"]?["tenant"]?["id"]);
        Assert.Equal("29:m2", (string?)Assert.Single((JArray)body["members"]!)["id"]);
        Assert.False((bool?)body["isGroup"]);
        Assert.Empty(ToGroup());

        // The opened chat is kept: the next private message goes straight to it, without opening another one.
        var opened = _stub.Requests.First(r => r.Body.Contains("区政协全体会议通知") && r.ConversationId.StartsWith("a:new-", StringComparison.Ordinal)).ConversationId;
        await teams.SubmitAsync(TeamsScenario.StaffAad, new JObject { ["action"] = "broadcast.send", ["text"] = "第二次通知", ["audience"] = "all" });
        await TeamsScenario.WaitUntilAsync(() => _stub.DeliveredTo(opened).Any(a => a.ToString().Contains("第二次通知")));
        Assert.Single(_stub.Requests, r => r.Method == "POST" && r.ConversationId == "");
    }

    [Fact]
    public async Task A_member_whose_personal_chat_cannot_be_opened_is_reported_per_recipient_and_the_group_gets_nothing()
    {
        await using var refusing = await ConnectorStub.StartAsync(new ConnectorStubOptions { StatusFor = (conversation, _) => conversation == "" ? 403 : null });
        await using var bot = new BotFactory(_db, TeamsScenario.Settings());
        var teams = new TeamsScenario(bot.CreateClient(), refusing);
        await teams.RegisterAsync(TeamsScenario.StaffAad);
        await BotFactory.SendAsync(bot.CreateClient(), InGroup(teams.Message("m2", "菜单")));

        var reply = TeamsScenario.Text(await teams.SubmitAsync(TeamsScenario.StaffAad,
            new JObject { ["action"] = "broadcast.send", ["text"] = "区政协全体会议通知", ["audience"] = "all" }));
        var id = System.Text.RegularExpressions.Regex.Match(reply, @"TZ-\d{4}-\d{4}").Value;

        var queue = bot.Services.GetRequiredService<DeliveryQueue>();
        await TeamsScenario.WaitUntilAsync(() => queue.Results(id).All(i => i.State.IsFinal()) && queue.Results(id).Count == 2);
        var m2 = Assert.Single(queue.Results(id), i => i.RecipientKey == "msteams:m2");
        Assert.Equal((DeliveryState.Blocked, 403), (m2.State, m2.LastStatus));
        Assert.Empty(refusing.To(GroupChat));
        Assert.DoesNotContain(refusing.Requests, r => r.Body.Contains("区政协全体会议通知") && r.ConversationId != TeamsScenario.Conversation(TeamsScenario.StaffAad));
    }

    [Fact]
    public async Task A_reminder_goes_to_the_personal_chat_after_a_group_mention()
    {
        var start = new DateTimeOffset(2026, 11, 27, 8, 0, 0, TimeSpan.Zero);
        var time = new FakeTimeProvider(start);
        await using var stub = await ConnectorStub.StartAsync(new ConnectorStubOptions { Time = time });
        await using var bot = new BotFactory(_db, TeamsScenario.Settings(new() { ["Reminders:LeadTimes:0"] = "00:10:00" }),
            s => s.AddSingleton<TimeProvider>(time));
        var teams = new TeamsScenario(bot.CreateClient(), stub);
        await teams.RegisterAsync("m1");
        await BotFactory.SendAsync(bot.CreateClient(), InGroup(teams.Message("m1", "菜单")));
        await teams.SubmitAsync(TeamsScenario.StaffAad, new JObject
        {
            ["action"] = "session.create",
            ["title"] = "学习贯彻全会精神",
            ["kind"] = "study",
            ["startsAt"] = start.AddMinutes(15).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:sszzz"),
            ["location"] = "区政协三楼会议室",
            ["recurrence"] = "none",
            ["audience"] = "all",
        });

        // The clock moves only while the scheduler and the delivery engine are parked, so real time decides nothing.
        var activity = bot.Services.GetRequiredService<BackgroundActivity>();
        var until = start.AddMinutes(10);
        while (true)
        {
            await activity.WaitUntilIdleAsync();
            if (stub.To(TeamsScenario.Conversation("m1")).Any(r => r.Body.Contains("学习提醒")))
            {
                break;
            }

            Assert.True(time.GetUtcNow() < until, "no reminder reached the personal chat");
            time.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.Empty(stub.To(GroupChat));
    }
}
