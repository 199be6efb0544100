using Cppcc.Bot.Tests.Reports;
using Cppcc.Bot.Tests.Support;

namespace Cppcc.Bot.Tests.Teams;

/// <summary>帮助 explains what the bot does for the caller's role, with examples and how to reach staff; 菜单 stays the menu.</summary>
public sealed class HelpTests : IDisposable
{
    private readonly TempDatabase _database = new();
    private readonly ReportBot _bot;

    public HelpTests() => _bot = new ReportBot(_database);

    [Fact]
    public async Task Help_is_not_the_menu_and_tells_a_member_what_to_type_and_how_to_reach_staff()
    {
        var help = string.Join("\n", TeamsWire.Texts(await _bot.Member("帮助")));
        var menu = string.Join("\n", TeamsWire.Texts(await _bot.Member("菜单")));

        Assert.NotEqual(menu, help);
        Assert.Contains("我能为您做什么", help);
        Assert.Contains("查询 SQ-2026-000001", help);
        Assert.Contains("转交工作人员", help);
        Assert.DoesNotContain("我能为您做什么", menu);

        // Inside a dialog, help is still about the step being answered.
        await _bot.Member("社情民意");
        Assert.Contains("您正在进行一个流程", TeamsScenario.Text(await _bot.Member("帮助")));
    }

    [Fact]
    public async Task Help_differs_by_role()
    {
        var member = string.Join("\n", TeamsWire.Texts(await _bot.Member("help")));
        var staff = string.Join("\n", TeamsWire.Texts(await _bot.Staff("帮助")));
        var visitor = string.Join("\n", TeamsWire.Texts(await _bot.Public("帮助")));

        Assert.Contains("安排学习", staff);
        Assert.DoesNotContain("安排学习", member);
        Assert.Contains("我的履职", member);
        Assert.DoesNotContain("社情民意", visitor);
        Assert.Contains("查询码", visitor);
    }

    public void Dispose()
    {
        _bot.Dispose();
        _database.Dispose();
    }
}
