using System.Text;
using System.Text.RegularExpressions;
using Cppcc.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Broadcasts;

public sealed class BroadcastTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();
    private ConnectorStub _stub = null!;
    private BotFactory _bot = null!;
    private TeamsScenario _teams = null!;

    public async Task InitializeAsync()
    {
        _stub = await ConnectorStub.StartAsync(new ConnectorStubOptions
        {
            Blocked = c => c.EndsWith("m3", StringComparison.Ordinal),
            Roster = [("29:" + TeamsScenario.StaffAad, TeamsScenario.StaffAad, "机关干部"), ("29:m1", "m1", "委员m1"), ("29:r1", "r1", "委员r1"), ("29:r2", "r2", "委员r2"), ("29:r3", "r3", "委员r3")],
        });
        _bot = new BotFactory(_db, TeamsScenario.Settings());
        _teams = new TeamsScenario(_bot.CreateClient(), _stub);
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _stub.DisposeAsync();
        _db.Dispose();
    }

    private static JObject Send(string text, string audience = "all") => new() { ["action"] = "broadcast.send", ["text"] = text, ["audience"] = audience };

    [Fact]
    public async Task Staff_broadcast_reaches_every_member_once_and_the_progress_card_ends_with_a_summary()
    {
        foreach (var m in new[] { "m1", "m2", "m3" })
        {
            await _teams.RegisterAsync(m);
        }

        await _teams.RegisterAsync(TeamsScenario.StaffAad);

        var reply = TeamsScenario.Text(await _teams.SubmitAsync(TeamsScenario.StaffAad, Send("本周五下午三点集中学习，请准时参加。")));

        var id = System.Text.RegularExpressions.Regex.Match(reply, @"TZ-\d{4}-\d{4}").Value;
        Assert.NotEmpty(id);
        Assert.Contains("共 4 位接收人", reply); // three members and the staff member who wrote
        var staff = TeamsScenario.Conversation(TeamsScenario.StaffAad);
        await TeamsScenario.WaitUntilAsync(() => _stub.To(staff).Any(r => r.Method == "POST" && r.Body.Contains("发送完毕")));

        foreach (var m in new[] { "m1", "m2" })
        {
            var notices = _stub.To(TeamsScenario.Conversation(m)).Where(r => r.Body.Contains("本周五下午三点集中学习")).ToList();
            Assert.Equal(200, Assert.Single(notices).Status);
        }
        Assert.Equal(403, Assert.Single(_stub.To(TeamsScenario.Conversation("m3")), r => r.Body.Contains("集中学习")).Status);
        var card = _stub.To(staff).FirstOrDefault(r => r.Method == "POST" && r.Body.Contains("发送进度"));
        Assert.True(card?.ReturnedId is not null, string.Join("\n", _stub.To(staff).Select(r => r.Method + " " + r.Status + " " + r.Body)));
        // The card is updated in place: the last update names the id the Connector gave the card, and was accepted.
        var update = _stub.To(staff).Last(r => r.Method == "PUT");
        Assert.Equal(card.ReturnedId, update.ActivityId);
        Assert.Equal(200, update.Status);
        Assert.Contains("已发送完毕", update.Body);
        Assert.Contains("已送达 3，失败 1", _stub.To(staff).Last(r => r.Method == "POST").Body);
    }

    [Fact]
    public async Task A_double_click_on_send_answers_with_the_notice_already_sent_and_every_member_gets_it_once()
    {
        foreach (var m in new[] { "m1", "m2" })
        {
            await _teams.RegisterAsync(m);
        }

        var first = TeamsScenario.Text(await _teams.SubmitAsync(TeamsScenario.StaffAad, Send("周五下午集中学习，请准时参加。")));
        var again = TeamsScenario.Text(await _teams.SubmitAsync(TeamsScenario.StaffAad, Send("周五下午集中学习，请准时参加。")));
        // Both clicks of a double click arrive together, too.
        var together = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => _teams.SubmitAsync(TeamsScenario.StaffAad, Send("周六上午调研，请准时集合。"))));
        var other = TeamsScenario.Text(await _teams.SubmitAsync(TeamsScenario.StaffAad, Send("周五下午集中学习，地点改在三楼。")));

        var id = Regex.Match(first, @"TZ-\d{4}-\d{4}").Value;
        Assert.Contains("已开始发送", first);
        Assert.Contains("相同的通知刚刚已发送（编号 " + id + "），本次没有重复发送", again);
        var replies = together.Select(TeamsScenario.Text).ToList();
        Assert.Single(replies, r => r.Contains("已开始发送"));
        Assert.Single(replies, r => r.Contains("本次没有重复发送"));
        Assert.Contains("已开始发送", other);
        // The last notice is queued after any second copy of the others would have been.
        await TeamsScenario.WaitUntilAsync(() => new[] { "m1", "m2" }.All(m => _stub.To(TeamsScenario.Conversation(m)).Any(r => r.Body.Contains("地点改在三楼"))));
        await _bot.DeliveryIdleAsync();
        foreach (var m in new[] { "m1", "m2" })
        {
            var to = _stub.To(TeamsScenario.Conversation(m)).ToList();
            Assert.Single(to, r => r.Body.Contains("周五下午集中学习，请准时参加。"));
            Assert.Single(to, r => r.Body.Contains("周六上午调研，请准时集合。"));
            Assert.Single(to, r => r.Body.Contains("地点改在三楼"));
        }
    }

    [Fact]
    public async Task Send_answered_twice_at_once_in_the_notice_dialog_sends_the_notice_once()
    {
        foreach (var m in new[] { "m1", "m2" })
        {
            await _teams.RegisterAsync(m);
        }

        await _teams.SayAsync(TeamsScenario.StaffAad, "通知");
        await _teams.SayAsync(TeamsScenario.StaffAad, "本周五下午三点集中学习。");
        Assert.Contains("确认发送", TeamsScenario.Text(await _teams.SayAsync(TeamsScenario.StaffAad, "无")));

        var replies = await Task.WhenAll(Enumerable.Range(0, 2).Select(async _ =>
        {
            try
            {
                return TeamsScenario.Text(await _teams.SayAsync(TeamsScenario.StaffAad, "发送"));
            }
            catch (HttpRequestException e)
            {
                // One of two turns on one conversation may lose the state write; what counts is what members get.
                return e.Message;
            }
        }));

        Assert.Single(Regex.Matches(string.Join("\n", replies), @"TZ-\d{4}-\d{4}").Select(m => m.Value).Distinct());
        await _bot.DeliveryIdleAsync();
        foreach (var m in new[] { "m1", "m2" })
        {
            Assert.Single(_stub.To(TeamsScenario.Conversation(m)), r => r.Body.Contains("本周五下午三点集中学习"));
        }
    }

    [Fact]
    public async Task The_report_command_gives_staff_a_short_lived_link_to_the_per_recipient_csv()
    {
        await _teams.RegisterAsync("m1");
        await _teams.RegisterAsync("m3");
        var reply = TeamsScenario.Text(await _teams.SubmitAsync(TeamsScenario.StaffAad, Send("通知内容")));
        var id = System.Text.RegularExpressions.Regex.Match(reply, @"TZ-\d{4}-\d{4}").Value;
        await TeamsScenario.WaitUntilAsync(() => _stub.Requests.Count(r => r.Body.Contains("通知内容")) >= 3);

        var replies = await _teams.SayAsync(TeamsScenario.StaffAad, "通知结果 " + id);

        // No inline data: URL (Teams refuses it): an Action.OpenUrl to /exports/{token}.
        Assert.DoesNotContain("data:", replies.ToString());
        var url = System.Text.RegularExpressions.Regex.Match(replies.ToString(), @"https?://[^""\s]+/exports/[\w\-.]+").Value;
        Assert.True(url.Length > 0, replies.ToString());
        var path = new Uri(url).PathAndQuery;
        var download = _bot.CreateClient();
        var response = await download.GetAsync(path);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("接收人,用户,状态", lines[0]);
        Assert.Equal(4, lines.Length); // header + m1, m3, staff
        Assert.Contains(lines, l => l.Contains("msteams:m3") && l.Contains("已屏蔽助手"));
        Assert.Contains(lines, l => l.Contains("msteams:m1") && l.Contains("已送达"));

        // A member asking gets no link; a changed token, or one that names another broadcast's id unsigned, is 404.
        Assert.DoesNotContain("/exports/", (await _teams.SayAsync("m1", "通知结果 " + id)).ToString());
        var token = path["/exports/".Length..];
        var payload = Encoding.UTF8.GetString(Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlDecode(token.Split('.')[0]));
        var forged = Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(payload.Replace(id, "TZ-2026-9999", StringComparison.Ordinal))) + "." + token.Split('.')[1];
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await download.GetAsync("/exports/" + forged)).StatusCode);
        var signature = token.Split('.')[1];
        var tampered = token.Split('.')[0] + "." + (signature[0] == 'A' ? 'B' : 'A') + signature[1..];
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await download.GetAsync("/exports/" + tampered)).StatusCode);

        // The same kind of link, correctly signed, but for a time already past: expired (410), no file.
        var tokens = _bot.Services.GetRequiredService<Cppcc.Bot.Exports.ExportTokens>();
        var old = tokens.Create(new Cppcc.Bot.Exports.ExportGrant("msteams:" + TeamsScenario.StaffAad, "broadcast.csv", id, DateTimeOffset.UtcNow.AddSeconds(-1)));
        Assert.Equal(System.Net.HttpStatusCode.Gone, (await download.GetAsync("/exports/" + old)).StatusCode);
    }

    [Fact]
    public async Task A_group_kept_by_staff_gets_the_broadcast_and_nobody_else()
    {
        foreach (var m in new[] { "m1", "m2", "m4" })
        {
            await _teams.RegisterAsync(m);
        }

        var saved = TeamsScenario.Text(await _teams.SubmitAsync(TeamsScenario.StaffAad,
            new JObject { ["action"] = "group.set", ["name"] = "民盟", ["kind"] = "界别", ["members"] = "m1，委员m2, 不认识的人" }));
        var reply = TeamsScenario.Text(await _teams.SubmitAsync(TeamsScenario.StaffAad, Send("民盟界别活动通知", "民盟")));

        Assert.Contains("界别“民盟”，共 2 人", saved);
        Assert.Contains("不认识的人", saved);
        Assert.Contains("共 2 位接收人", reply);
        await _bot.DeliveryIdleAsync();
        Assert.Equal(2, _stub.Requests.Count(r => r.Body.Contains("民盟界别活动通知")));
        Assert.DoesNotContain(_stub.To(TeamsScenario.Conversation("m4")), r => r.Body.Contains("民盟界别活动通知"));
        Assert.Contains("民盟：2 人", TeamsScenario.Text(await _teams.SayAsync(TeamsScenario.StaffAad, "分组")).Replace("界别“民盟”", "民盟"));
    }

    [Fact]
    public async Task A_group_audience_sent_as_a_list_is_refused_naming_the_field_and_nobody_gets_the_notice()
    {
        foreach (var m in new[] { "m1", "m2" })
        {
            await _teams.RegisterAsync(m);
        }

        await _teams.SubmitAsync(TeamsScenario.StaffAad, new JObject { ["action"] = "group.set", ["name"] = "民盟", ["kind"] = "界别", ["members"] = "m1" });
        var value = Send("只发民盟的通知");
        value["audience"] = new JArray("民盟");

        var reply = TeamsScenario.Text(await _teams.SubmitAsync(TeamsScenario.StaffAad, value));

        Assert.Contains("字段 audience 的内容无法识别", reply);
        Assert.DoesNotContain("TZ-", reply);
        await _bot.DeliveryIdleAsync();
        Assert.DoesNotContain(_stub.Requests, r => r.Body.Contains("只发民盟的通知"));
    }

    [Fact]
    public async Task Syncing_a_group_chat_roster_makes_members_who_never_wrote_reachable()
    {
        await _teams.RegisterAsync("m1");
        var mention = _teams.Message(TeamsScenario.StaffAad, "<at>区政协助手</at> 同步成员");
        mention["conversation"] = new JObject { ["id"] = "19:committee-chat", ["conversationType"] = "groupChat", ["tenantId"] = "tenant-1" };

        var synced = TeamsScenario.Text(await BotFactory.SendAsync(_bot.CreateClient(), mention));
        var reply = TeamsScenario.Text(await _teams.SubmitAsync(TeamsScenario.StaffAad, Send("名单同步后的通知")));

        // The staff member wrote only in the group chat so far: that is no personal chat, so one is opened for them too.
        Assert.Contains("名单共 5 人：新建对话 4 人，已有对话 1 人，失败 0 人", synced);
        Assert.Equal(4, _stub.Requests.Count(r => r.Method == "POST" && r.ConversationId == "" && r.Body.Contains("\"tenantId\":\"tenant-1\"")));
        Assert.Contains("共 5 位接收人", reply);
        await TeamsScenario.WaitUntilAsync(() => _stub.Requests.Count(r => r.Status == 200 && r.Body.Contains("名单同步后的通知")) == 5);
        Assert.Equal(3, _stub.Requests.Where(r => r.Body.Contains("名单同步后的通知")).Count(r => r.ConversationId.StartsWith("a:new-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_sector_members_chose_with_the_sector_command_is_an_audience()
    {
        foreach (var m in new[] { "m1", "m2" })
        {
            await _teams.RegisterAsync(m);
        }

        await _teams.SayAsync("m1", "界别 民盟");

        var reply = TeamsScenario.Text(await _teams.SubmitAsync(TeamsScenario.StaffAad, Send("民盟委员座谈会通知", "民盟")));

        Assert.Contains("共 1 位接收人", reply);
        await _bot.DeliveryIdleAsync();
        Assert.Equal(new[] { TeamsScenario.Conversation("m1") }, _stub.Requests.Where(r => r.Body.Contains("民盟委员座谈会通知")).Select(r => r.ConversationId));
    }

    [Fact]
    public async Task A_broadcast_whose_queueing_a_crash_interrupted_is_queued_when_the_bot_runs_again()
    {
        foreach (var m in new[] { "m1", "m2" })
        {
            await _teams.RegisterAsync(m);
        }

        await _teams.RegisterAsync(TeamsScenario.StaffAad);

        // What a crash right after the broadcast row was written leaves behind: the row, no delivery items. The running
        // bot's progress loop (the same one that starts with the process) repairs it.
        _bot.Services.GetRequiredService<Cppcc.Bot.Broadcasts.IBroadcastStore>().Add(new Cppcc.Bot.Broadcasts.Broadcast
        {
            Year = 2026,
            Text = "断电前未发出的通知",
            Audience = "all",
            Recipients = 3,
            CreatedAt = DateTimeOffset.UtcNow.AddMinutes(-5),
            StaffReferenceJson = "{}",
        });

        await TeamsScenario.WaitUntilAsync(() => _stub.Requests.Count(r => r.Status == 200 && r.Body.Contains("断电前未发出的通知")) == 3);
    }

    [Fact]
    public async Task A_member_cannot_broadcast_and_nothing_is_sent()
    {
        await _teams.RegisterAsync("m1");
        await _teams.RegisterAsync("m2");

        var reply = TeamsScenario.Text(await _teams.SubmitAsync("m1", Send("我也想群发")));

        Assert.Contains("没有使用此功能的权限", reply);
        await _bot.DeliveryIdleAsync();
        Assert.DoesNotContain(_stub.Requests, r => r.Body.Contains("我也想群发"));
    }

    [Theory]
    [InlineData("", "all", "text")]
    [InlineData("内容", "不存在的分组", "audience")]
    public async Task Bad_fields_are_named_and_nothing_is_sent(string text, string audience, string field)
    {
        await _teams.RegisterAsync("m1");

        var reply = TeamsScenario.Text(await _teams.SubmitAsync(TeamsScenario.StaffAad, Send(text, audience)));

        Assert.Contains(field, reply);
        Assert.DoesNotContain("TZ-", reply);
    }
}
