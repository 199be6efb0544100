using Cppcc.Bot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Knowledge;

/// <summary>A question passed to staff while no staff member can receive it: the asker hears the truth, staff hear of it later.</summary>
public class HonestHandOffTests : IAsyncLifetime
{
    private const string StaffAad = "aad-staff-1";
    private const string Question = "政协大楼开放参观吗";
    private readonly TempDatabase _db = new();
    private ConnectorStub _connector = null!;

    public async Task InitializeAsync() => _connector = await ConnectorStub.StartAsync();

    public async Task DisposeAsync()
    {
        await _connector.DisposeAsync();
        _db.Dispose();
    }

    private BotFactory Factory() => new(_db, new Dictionary<string, string?>
    {
        ["Staff:UserIds:0"] = StaffAad,
        ["KnowledgeBase:Path"] = Path.Combine(BotFactory.RepositoryRoot, "kb"),
    });

    private JObject Member(string text) => Via(BotFactory.TeamsMessage(text));

    private JObject Staff(string text) => Via(BotFactory.TeamsMessage(text, "29:staff-1", StaffAad, "a:staff-1"));

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

    private async Task<string> HandOffWithNoStaffOnlineAsync(HttpClient client)
    {
        var noAnswer = await BotFactory.SendAsync(client, Member(Question));
        var handOff = (JObject)noAnswer[0]!["attachments"]![0]!["content"]!["actions"]!.Last!["data"]!;
        Assert.Equal("kb.handoff", (string?)handOff["action"]);
        return Text(await BotFactory.SendAsync(client, Click(Member(""), handOff)));
    }

    [Fact]
    public async Task With_no_staff_reachable_the_member_is_told_it_waits_and_staff_hear_of_it_once_on_their_next_message()
    {
        using var factory = Factory();
        var client = factory.CreateClient();

        var passed = await HandOffWithNoStaffOnlineAsync(client);

        Assert.Contains("目前没有工作人员在线接收", passed);
        Assert.Contains("KB-1", passed);
        Assert.DoesNotContain("已转交", passed);

        var first = Text(await BotFactory.SendAsync(client, Staff("菜单")));
        Assert.Contains("有 1 个转交的问题在等待答复", first);
        Assert.Contains("知识库 未解答", first);
        var second = Text(await BotFactory.SendAsync(client, Staff("菜单")));
        Assert.DoesNotContain("等待答复", second); // once per waiting batch
        var member = Text(await BotFactory.SendAsync(client, Member("菜单")));
        Assert.DoesNotContain("等待答复", member); // a staff matter only
    }

    [Fact]
    public async Task Staff_answer_a_handed_off_question_from_the_unanswered_list_and_it_reaches_the_asker()
    {
        using var factory = Factory();
        var client = factory.CreateClient();
        await HandOffWithNoStaffOnlineAsync(client);

        var list = await BotFactory.SendAsync(client, Staff("知识库 未解答"));

        var reply = Assert.Single(list, r => r["attachments"] is JArray { Count: > 0 });
        Assert.Contains("（1 次，已转交）", (string?)reply["text"]);
        var card = (JObject)Assert.Single((JArray)reply["attachments"]!)["content"]!;
        Assert.Contains(Question, card.ToString());
        var answer = card.SelectTokens("$.actions[*].data").Cast<JObject>().Single(d => (string?)d["action"] == "kb.reply");
        Assert.Equal("KB-1", (string?)answer["ticket"]);
        Assert.NotNull(card.SelectToken("$.body[?(@.id == 'answer')]"));

        answer["answer"] = "每月第一个周六开放参观。";
        Assert.Contains("答复已发送给提问人（编号 KB-1）", Text(await BotFactory.SendAsync(client, Click(Staff(""), answer))));
        var delivered = await _connector.WaitForAsync("a:personal-1", a => ((string?)a["text"] ?? "").Contains("每月第一个周六开放参观"));
        Assert.Contains(Question, (string?)delivered["text"]);
        Assert.DoesNotContain("kb.reply", Text(await BotFactory.SendAsync(client, Staff("知识库 未解答"))));
    }
}
