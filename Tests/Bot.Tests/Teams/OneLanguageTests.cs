using Cppcc.Bot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Teams;

/// <summary>
/// A Teams client set to English (locale en-US) still gets the office's language, Chinese, in every text of every
/// reply; <c>English</c> / <c>中文</c> switch it for that user, remembered across turns and conversations.
/// </summary>
public sealed class OneLanguageTests : IDisposable
{
    private const string Staff = "aad-staff-1";
    private readonly TempDatabase _database = new();
    private readonly BotFactory _factory;
    private readonly HttpClient _client;

    public OneLanguageTests()
    {
        _factory = new BotFactory(_database, new Dictionary<string, string?> { ["Staff:UserIds:0"] = Staff });
        _client = _factory.CreateClient();
    }

    [Theory]
    [InlineData("personal", "aad-member-1", "菜单")]
    [InlineData("personal", "aad-member-1", "社情民意")]
    [InlineData("personal", "aad-member-1", "学习安排")]
    [InlineData("personal", "aad-member-1", "我的社情民意")]
    [InlineData("groupChat", "aad-member-1", "菜单")]
    [InlineData("channel", Staff, "菜单")]
    [InlineData("personal", Staff, "统计")]
    public async Task An_english_Teams_client_gets_every_text_in_Chinese(string conversationType, string aad, string text)
    {
        var replies = await BotFactory.SendAsync(_client, TeamsWire.Message(text, aad, conversationType));

        AssertAllChinese(replies);
    }

    [Fact]
    public async Task A_report_filed_from_an_english_client_is_confirmed_in_Chinese_only()
    {
        var replies = await BotFactory.SendAsync(_client, TeamsWire.Message("", value: new JObject
        {
            ["action"] = "report.submit",
            ["kind"] = "report",
            ["title"] = "学校门口上下学拥堵",
            ["category"] = "教育",
            ["content"] = "每天上下学时段校门口车辆拥堵，学生过马路存在安全隐患。",
            ["suggestion"] = "增设交通协管员并错峰放学。",
        }));

        Assert.Contains(replies, r => r.ToString().Contains("SQ-"));
        AssertAllChinese(replies);
    }

    [Fact]
    public async Task English_switches_the_user_to_English_and_is_remembered_until_Chinese_is_chosen()
    {
        var switched = await BotFactory.SendAsync(_client, TeamsWire.Message("English"));
        Assert.Contains("Switched to English", TeamsScenario.Text(switched));

        // A later turn, in another conversation with the same user: still English, the whole card.
        var menu = await BotFactory.SendAsync(_client, TeamsWire.Message("菜单", conversationType: "groupChat"));
        var texts = TeamsWire.Texts(menu).ToList();
        Assert.Contains("Main menu", texts);
        Assert.All(texts, t => Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", t));

        var back = await BotFactory.SendAsync(_client, TeamsWire.Message("中文"));
        Assert.Contains("已切换为中文", TeamsScenario.Text(back));
        AssertAllChinese(await BotFactory.SendAsync(_client, TeamsWire.Message("menu")));
    }

    [Fact]
    public async Task Another_user_keeps_the_office_language_when_one_user_chose_English()
    {
        await BotFactory.SendAsync(_client, TeamsWire.Message("English"));

        AssertAllChinese(await BotFactory.SendAsync(_client, TeamsWire.Message("menu", aad: "aad-member-2")));
    }

    private static void AssertAllChinese(JArray replies)
    {
        var texts = TeamsWire.Texts(replies).ToList();
        Assert.NotEmpty(texts);
        Assert.All(texts, t => Assert.True(TeamsWire.IsChinese(t), $"not Chinese: {t}"));
    }

    public void Dispose()
    {
        _client.Dispose();
        _factory.Dispose();
        _database.Dispose();
    }
}
