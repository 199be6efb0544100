using Cppcc.Bot.Knowledge;
using Cppcc.Bot.Knowledge.Files;
using Cppcc.Bot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Knowledge;

/// <summary>The knowledge base as users and staff meet it over <c>/api/messages</c>.</summary>
public class KnowledgeConversationTests : IAsyncLifetime
{
    private const string StaffAad = "aad-staff-1";
    private readonly TempDatabase _db = new();
    private ConnectorStub _connector = null!;

    public async Task InitializeAsync() => _connector = await ConnectorStub.StartAsync();

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        _db.Dispose();
    }

    private BotFactory Factory(string? kbPath = null) => new(_db, new Dictionary<string, string?>
    {
        ["Staff:UserIds:0"] = StaffAad,
        ["KnowledgeBase:Path"] = kbPath ?? Path.Combine(BotFactory.RepositoryRoot, "kb"),
        ["KnowledgeBase:ExportPath"] = Path.Combine(_db.Folder, "export"),
    });

    private JObject Member(string text) => Via(BotFactory.TeamsMessage(text));

    private JObject Staff(string text) => Via(BotFactory.TeamsMessage(text, "29:staff-1", StaffAad, "a:staff-1"));

    private JObject Public(string text, string user = "web-user-1") => Via(new JObject
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = "webchat",
        ["locale"] = "zh-CN",
        ["from"] = new JObject { ["id"] = user, ["name"] = "访客" },
        ["recipient"] = new JObject { ["id"] = "bot" },
        ["conversation"] = new JObject { ["id"] = "web-" + user },
        ["text"] = text,
    });

    private JObject Via(JObject activity)
    {
        activity["serviceUrl"] = _connector.ServiceUrl;
        return activity;
    }

    private static JObject Click(JObject activity, JObject value)
    {
        activity["text"] = null;
        activity["value"] = value;
        return activity;
    }

    private static string Text(JArray replies) => string.Join("\n", replies.Select(r => (string?)r["text"] + " " + r["attachments"]?.ToString()));

    [Fact]
    public async Task An_answer_carries_its_citation_feedback_buttons_and_related_questions_and_votes_are_counted()
    {
        using var factory = Factory();
        var client = factory.CreateClient();

        var reply = Assert.Single(await BotFactory.SendAsync(client, Member("委员每个月都要参加集中学习吗？")));

        Assert.Contains("每月组织一次集中学习", BotFactory.ReadableText(reply));
        Assert.Contains("来源：区政协年度工作思路", BotFactory.ReadableText(reply));
        var buttons = reply["attachments"]![0]!["content"]!["actions"]!;
        Assert.Equal(["有帮助", "没帮助"], buttons.Select(b => (string?)b["title"]));
        Assert.Equal("kb.feedback", (string?)buttons[0]!["data"]!["action"]);
        Assert.Contains(reply["attachments"]![0]!["content"]!.SelectTokens("$..actions[*].title"), t => (string?)t == "专题讲座多久举办一次？");

        var thanks = await BotFactory.SendAsync(client, Click(Member(""), (JObject)buttons[0]!["data"]!));
        Assert.Contains("谢谢您的反馈", Text(thanks));
        await BotFactory.SendAsync(client, Click(Member(""), (JObject)buttons[0]!["data"]!)); // same user again: still one vote
        var counts = await BotFactory.SendAsync(client, Staff("知识库 反馈"));
        Assert.Contains("study-monthly：1 / 0", Text(counts));
    }

    [Fact]
    public async Task A_short_follow_up_in_the_same_conversation_is_answered_from_the_previous_answer_for_two_questions()
    {
        using var factory = Factory();
        var client = factory.CreateClient();

        var first = Assert.Single(await BotFactory.SendAsync(client, Public("建议提交后会怎么处理？")));
        var followUp = Assert.Single(await BotFactory.SendAsync(client, Public("那需要多久？")));
        var elsewhere = Assert.Single(await BotFactory.SendAsync(client, Public("那需要多久？", "web-user-2")));

        Assert.Contains("来源：", BotFactory.ReadableText(first));
        Assert.Contains("答复时间取决于", BotFactory.ReadableText(followUp));
        Assert.DoesNotContain("答复时间取决于", BotFactory.ReadableText(elsewhere));
    }

    [Fact]
    public async Task The_public_asking_a_members_only_question_gets_no_answer_and_the_question_is_logged_once_with_its_count()
    {
        using var factory = Factory();
        var client = factory.CreateClient();

        var first = Text(await BotFactory.SendAsync(client, Public("履职积分是怎么计算的")));
        var second = Text(await BotFactory.SendAsync(client, Public("履职积分是怎么计算的？ ", "web-user-2")));

        Assert.Contains("知识库中暂时没有", first);
        Assert.DoesNotContain("会议活动", first + second); // words of the members-only answer
        Assert.Contains("kb.handoff", first);
        var unanswered = Text(await BotFactory.SendAsync(client, Staff("知识库 未解答")));
        Assert.Contains("履职积分是怎么计算的（2 次）", unanswered);
    }

    [Fact]
    public async Task A_question_passed_to_staff_reaches_them_and_their_answer_reaches_the_asker_proactively()
    {
        using var factory = Factory();
        var client = factory.CreateClient();
        await BotFactory.SendAsync(client, Staff("菜单")); // staff's conversation is known from their first message

        var noAnswer = await BotFactory.SendAsync(client, Public("政协大楼开放参观吗"));
        var handOff = (JObject)noAnswer[0]!["attachments"]![0]!["content"]!["actions"]!.Last!["data"]!;
        Assert.Equal("kb.handoff", (string?)handOff["action"]);
        var passed = Text(await BotFactory.SendAsync(client, Click(Public(""), handOff)));
        Assert.Contains("已转交工作人员（编号 KB-1）", passed);

        var ticket = await _connector.WaitForAsync("a:staff-1", a => a.ToString().Contains("KB-1"));
        Assert.Contains("政协大楼开放参观吗", ticket.ToString());
        Assert.Contains("kb.reply", ticket.ToString());

        var answered = Text(await BotFactory.SendAsync(client, Click(Staff(""), new JObject { ["action"] = "kb.reply", ["ticket"] = "KB-1", ["answer"] = "每月第一个周六开放参观。" })));
        Assert.Contains("答复已发送给提问人", answered);
        var delivered = await _connector.WaitForAsync("web-web-user-1", a => ((string?)a["text"] ?? "").Contains("每月第一个周六开放参观"));
        Assert.Contains("政协大楼开放参观吗", (string?)delivered["text"]);
    }

    [Fact]
    public async Task A_handed_off_question_with_a_markdown_link_reaches_staff_as_plain_text()
    {
        const string Lure = "[请重新登录](https://evil.example) ![图](https://evil.example/x.png) <at>王干部</at>";
        using var factory = Factory();
        var client = factory.CreateClient();
        await BotFactory.SendAsync(client, Staff("菜单"));

        await BotFactory.SendAsync(client, Click(Public(""), new JObject { ["action"] = "kb.handoff", ["question"] = Lure }));

        var ticket = await _connector.WaitForAsync("a:staff-1", a => a.ToString().Contains("KB-1"));
        var card = (JObject)ticket["attachments"]![0]!["content"]!;
        // Markdown is rendered in TextBlocks only; the visitor's words must be in a TextRun, exactly as typed.
        Assert.DoesNotContain(card.SelectTokens("$..[?(@.type == 'TextBlock')].text"), t => ((string?)t ?? "").Contains("evil.example"));
        Assert.Contains(card.SelectTokens("$..[?(@.type == 'TextRun')].text"), t => (string?)t == Lure);
        Assert.DoesNotContain(card.SelectTokens("$..url"), t => ((string?)t ?? "").Contains("evil.example"));

        var list = Assert.Single(await BotFactory.SendAsync(client, Staff("知识库 未解答")));
        var unanswered = (string?)list["text"] ?? "";
        // The open ticket's answer card under the list shows the question the same safe way.
        Assert.Contains(list["attachments"]![0]!["content"]!.SelectTokens("$..[?(@.type == 'TextRun')].text"), t => (string?)t == Lure);
        Assert.DoesNotContain(list["attachments"]![0]!["content"]!.SelectTokens("$..[?(@.type == 'TextBlock')].text"), t => ((string?)t ?? "").Contains("evil.example"));
        Assert.DoesNotContain("[请重新登录](", unanswered);
        Assert.DoesNotContain("https://evil", unanswered);
        Assert.DoesNotContain("<at>", unanswered);
        Assert.Contains("\\[请重新登录\\]\\(https\\://evil\\.example\\)", unanswered);
    }

    [Fact]
    public async Task A_ticket_from_a_visitor_without_a_name_is_listed_for_staff_to_answer()
    {
        using var factory = Factory();
        var client = factory.CreateClient();
        await BotFactory.SendAsync(client, Staff("菜单"));
        var click = Click(Public(""), new JObject { ["action"] = "kb.handoff", ["question"] = "政协大楼开放参观吗" });
        click["from"]!["name"] = ""; // the web chat page sends no name
        Assert.Contains("KB-1", Text(await BotFactory.SendAsync(client, click)));

        var list = Assert.Single(await BotFactory.SendAsync(client, Staff("知识库 未解答")));

        Assert.DoesNotContain("出错", (string?)list["text"]);
        var card = list["attachments"]![0]!["content"]!;
        Assert.Contains(card.SelectTokens("$..[?(@.type == 'TextRun')].text"), t => (string?)t == "政协大楼开放参观吗");
        Assert.Contains(card.SelectTokens("$..[?(@.type == 'TextRun')].text"), t => ((string?)t ?? "").StartsWith("提问人：-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_reload_with_thousands_of_problems_lists_the_first_ones_in_a_message_teams_accepts()
    {
        var kb = Path.Combine(_db.Folder, "kb");
        Directory.CreateDirectory(kb);
        File.Copy(Path.Combine(BotFactory.RepositoryRoot, "kb", "study.yaml"), Path.Combine(kb, "study.yaml"));
        using var factory = Factory(kb);
        var client = factory.CreateClient();
        await BotFactory.SendAsync(client, Staff("菜单"));
        // A bulk edit gone wrong: 3,000 entries without an answer.
        File.WriteAllText(Path.Combine(kb, "bulk.yaml"), string.Concat(Enumerable.Range(1, 3000).Select(i => $"- id: bulk-{i}\n  questions: [第{i}个？]\n")));

        var reply = Assert.Single(await BotFactory.SendAsync(client, Staff("知识库 重新加载")));

        var text = (string?)reply["text"] ?? "";
        Assert.Contains("bulk.yaml:1:", text);
        Assert.DoesNotContain("bulk-3000", text);
        Assert.Matches(@"另有 \d{4} 个问题，完整列表见服务器日志", text);
        // Teams refuses a bot message over 100 KB (UTF-16); the whole list was over 300 KB.
        Assert.True(reply.ToString().Length * 2 < 40_000, $"{reply.ToString().Length} characters");
    }

    [Fact]
    public async Task Someone_whose_staff_rights_were_withdrawn_no_longer_receives_the_publics_questions()
    {
        using (var before = Factory())
        {
            await BotFactory.SendAsync(before.CreateClient(), Staff("菜单"));
        }

        // The next start: staff-1 is no longer listed and has not written since.
        using var factory = new BotFactory(_db, new Dictionary<string, string?>
        {
            ["Staff:UserIds:0"] = "aad-someone-else",
            ["KnowledgeBase:Path"] = Path.Combine(BotFactory.RepositoryRoot, "kb"),
        });
        var client = factory.CreateClient();

        var passed = Text(await BotFactory.SendAsync(client, Click(Public(""), new JObject { ["action"] = "kb.handoff", ["question"] = "政协大楼开放参观吗" })));

        Assert.Contains("KB-1", passed);
        Assert.DoesNotContain("已转交工作人员", passed);
        Assert.Contains("目前没有工作人员在线接收", passed);
        Assert.Empty(_connector.DeliveredTo("a:staff-1"));
    }

    [Theory]
    [InlineData("member", "members", "委员")]
    [InlineData("public", "public", "公众")]
    public async Task A_ticket_turned_into_an_entry_is_preset_to_the_askers_audience_and_the_form_says_so(string asker, string audience, string label)
    {
        using var factory = Factory();
        var client = factory.CreateClient();
        await BotFactory.SendAsync(client, Staff("菜单"));
        var handOff = new JObject { ["action"] = "kb.handoff", ["question"] = "委员提案怎么写" };
        await BotFactory.SendAsync(client, Click(asker == "member" ? Member("") : Public(""), handOff));
        var ticket = await _connector.WaitForAsync("a:staff-1", a => a.ToString().Contains("KB-1"));
        var promote = (JObject)ticket.SelectTokens("$..[?(@.type == 'Action.Submit')].data").Single(d => (string?)d["action"] == "kb.promote");
        promote["answer"] = "按提案格式填写案由、理由和办法。";

        var editor = Assert.Single(await BotFactory.SendAsync(client, Click(Staff(""), promote)));

        var card = editor["attachments"]![0]!["content"]!;
        Assert.Equal(audience, (string?)card.SelectToken("$.body[?(@.id == 'audience')].value"));
        Assert.Contains($"可见范围已按提问人预设为“{label}”", BotFactory.ReadableText(editor));
    }

    [Fact]
    public async Task An_answer_longer_than_a_kb_file_may_hold_is_not_saved_from_teams()
    {
        using var factory = Factory();
        var client = factory.CreateClient();
        JObject Save(string answer) => new()
        {
            ["action"] = "kb.save",
            ["id"] = "long-answer",
            ["questions"] = "很长的答案？",
            ["answer"] = answer,
            ["audience"] = "public",
        };

        var refused = Text(await BotFactory.SendAsync(client, Click(Staff(""), Save(new string('长', KnowledgeEntry.MaxAnswerLength + 1)))));
        var saved = Text(await BotFactory.SendAsync(client, Click(Staff(""), Save(new string('长', KnowledgeEntry.MaxAnswerLength)))));

        // What is saved must read back from an export: the file rule and the editor's are one.
        Assert.Contains("没有保存", refused);
        Assert.Contains("4000", refused);
        Assert.Contains("已保存", saved);
    }

    [Fact]
    public async Task An_unreachable_staff_channel_does_not_fail_the_askers_hand_off()
    {
        using var factory = Factory();
        var client = factory.CreateClient();
        var staff = Staff("菜单");
        staff["serviceUrl"] = "http://127.0.0.1:9/"; // nothing listens there
        await BotFactory.SendAsync(client, staff);

        var passed = Text(await BotFactory.SendAsync(client, Click(Public(""), new JObject { ["action"] = "kb.handoff", ["question"] = "政协大楼开放参观吗" })));

        Assert.Contains("已转交工作人员（编号 KB-1）", passed);
        Assert.Contains("政协大楼开放参观吗", Text(await BotFactory.SendAsync(client, Staff("知识库 未解答"))));
    }

    [Fact]
    public async Task Only_staff_may_answer_tickets_or_edit_the_knowledge_base()
    {
        using var factory = Factory();
        var client = factory.CreateClient();

        var reply = Text(await BotFactory.SendAsync(client, Click(Member(""), new JObject { ["action"] = "kb.reply", ["ticket"] = "KB-1", ["answer"] = "x" })));
        var save = Text(await BotFactory.SendAsync(client, Click(Public(""), new JObject { ["action"] = "kb.save", ["id"] = "x", ["questions"] = "q", ["answer"] = "a" })));
        var command = Text(await BotFactory.SendAsync(client, Member("知识库 导出")));

        Assert.All(new[] { reply, save, command }, t => Assert.Contains("没有使用此功能的权限", t));
    }

    [Fact]
    public async Task A_crafted_show_click_does_not_reveal_a_members_only_entry_to_the_public()
    {
        using var factory = Factory();

        var reply = Text(await BotFactory.SendAsync(factory.CreateClient(), Click(Public(""), new JObject { ["action"] = "kb.show", ["id"] = "assess-points" })));

        Assert.Contains("无权查看", reply);
        Assert.DoesNotContain("会议活动", reply);
    }

    [Fact]
    public async Task Staff_add_edit_retire_and_export_entries_from_Teams()
    {
        using var factory = Factory();
        var client = factory.CreateClient();
        JObject Save(string id, string questions, string answer, string audience = "public") => new()
        {
            ["action"] = "kb.save",
            ["id"] = id,
            ["questions"] = questions,
            ["answer"] = answer,
            ["source"] = "区政协办公室",
            ["url"] = "",
            ["audience"] = audience,
            ["tags"] = "参观",
            ["related"] = "about-contact",
        };

        var refused = Text(await BotFactory.SendAsync(client, Click(Staff(""), Save("Bad Id", "", ""))));
        Assert.Contains("没有保存", refused);
        Assert.Contains("条目编号", refused);
        Assert.Contains("问法", refused);

        Assert.Contains("已保存", Text(await BotFactory.SendAsync(client, Click(Staff(""), Save("visit-building", "政协大楼可以参观吗？\n怎么预约参观政协？", "每月第一个周六开放，提前一周预约。")))));
        var answer = Text(await BotFactory.SendAsync(client, Public("政协大楼能参观吗")));
        Assert.Contains("每月第一个周六开放", answer);
        Assert.Contains("来源：区政协办公室", answer);

        var editor = Text(await BotFactory.SendAsync(client, Staff("知识库 修改 visit-building")));
        Assert.Contains("提前一周预约", editor);
        Assert.Contains("kb.save", editor);

        var export = Text(await BotFactory.SendAsync(client, Staff("知识库 导出")));
        var path = Directory.GetFiles(Path.Combine(_db.Folder, "export")).Single();
        Assert.Contains(path, export);
        var issues = new List<KnowledgeLoadIssue>();
        var exported = YamlEntryReader.Read("export", new StringReader(File.ReadAllText(path)), issues).ToList();
        Assert.Empty(issues);
        Assert.Contains(exported, e => e.Id == "visit-building" && e.Questions.Count == 2 && e.Related.SequenceEqual(["about-contact"]));
        Assert.Contains(exported, e => e.Id == "study-monthly");

        Assert.Contains("已下架", Text(await BotFactory.SendAsync(client, Staff("知识库 下架 visit-building"))));
        Assert.DoesNotContain("每月第一个周六开放", Text(await BotFactory.SendAsync(client, Public("政协大楼能参观吗"))));
    }

    [Fact]
    public async Task A_source_with_brackets_stays_the_text_of_its_own_link()
    {
        var kb = Path.Combine(_db.Folder, "kb");
        Directory.CreateDirectory(kb);
        File.WriteAllText(Path.Combine(kb, "rules.yaml"),
            "- id: rules\n  questions: [机关食堂几点开饭？]\n  answer: 午饭11点半开始。\n  audience: public\n" +
            "  source: \"食堂管理办法[2026]第3号](https://evil.example/x\"\n  url: https://example.org/rules_(2026)\n");
        using var factory = Factory(kb);

        var reply = Assert.Single(await BotFactory.SendAsync(factory.CreateClient(), Public("机关食堂几点开饭")));

        // Escaped, the source is all link text and the only target is the entry's url (its parentheses encoded, so the
        // first ')' does not end it early); unescaped, "](https://evil.example/x" made evil.example the target.
        var line = reply.SelectTokens("$..[?(@.type == 'TextBlock')].text").Select(t => (string)t!).Single(t => t.StartsWith("来源", StringComparison.Ordinal));
        Assert.Equal(@"来源：[食堂管理办法\[2026\]第3号\]\(https\://evil\.example/x](https://example.org/rules_%282026%29)", line);
    }

    [Fact]
    public async Task Changed_files_are_reloaded_without_a_restart_and_bad_files_are_reported_with_file_and_line()
    {
        var kb = Path.Combine(_db.Folder, "kb");
        Directory.CreateDirectory(kb);
        File.Copy(Path.Combine(BotFactory.RepositoryRoot, "kb", "study.yaml"), Path.Combine(kb, "study.yaml"));
        using var factory = Factory(kb);
        var client = factory.CreateClient();
        Assert.Contains("知识库中暂时没有", Text(await BotFactory.SendAsync(client, Member("机关食堂几点开饭"))));

        File.WriteAllText(Path.Combine(kb, "canteen.yaml"), "- id: canteen\n  questions: [机关食堂几点开饭？]\n  answer: 午饭11点半开始。\n  audience: members\n");
        var answered = false;
        for (var i = 0; i < 100 && !answered; i++)
        {
            await Task.Delay(100);
            answered = Text(await BotFactory.SendAsync(client, Member("机关食堂几点开饭"))).Contains("午饭11点半");
        }

        Assert.True(answered, "the new file was not picked up within 10 s");

        File.WriteAllText(Path.Combine(kb, "broken.yaml"), "- id: broken\n  questions: [没有答案？]\n");
        var reload = Text(await BotFactory.SendAsync(client, Staff("知识库 重新加载")));
        Assert.Contains("broken.yaml:1", reload);
        Assert.Contains("answer", reload);
        Assert.Contains("午饭11点半", Text(await BotFactory.SendAsync(client, Member("机关食堂几点开饭"))));
    }
}
