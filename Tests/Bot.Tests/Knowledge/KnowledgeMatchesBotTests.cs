using System.Text.RegularExpressions;
using Cppcc.Bot.Knowledge.Files;
using Cppcc.Bot.Reminders;
using Cppcc.Bot.Tests.Support;
using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Knowledge;
using Cppcc.Dialogs.Root;
using Cppcc.Dialogs.Sessions;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Knowledge;

/// <summary>
/// The knowledge base never contradicts the bot: where an entry tells people to tap a button or send a command
/// (点“请假”, 发送 **学习安排**), that button is on a card the bot really sends, or the command is registered.
/// </summary>
public sealed partial class KnowledgeMatchesBotTests : IDisposable
{
    // The interruptions every conversation understands (handled before any command, so not in the command table).
    private static readonly string[] Interruptions = ["菜单", "menu", "帮助", "help", "取消", "cancel"];

    private static readonly string[] ButtonTypes = ["Action.Submit", "Action.OpenUrl", "Action.ShowCard", "imBack", "messageBack", "postBack"];

    private readonly TempDatabase _db = new();

    [Fact]
    public async Task Every_button_or_command_the_KB_names_is_one_the_bot_has()
    {
        await using var stub = await ConnectorStub.StartAsync();
        using var factory = new BotFactory(_db, TeamsScenario.Settings());
        var client = factory.CreateClient();
        var teams = new TeamsScenario(client, stub);
        var known = factory.Services.GetServices<ITextCommand>().SelectMany(c => c.Words).Concat(Interruptions)
            .Select(Fold).ToHashSet(StringComparer.Ordinal);

        // The cards people see: the menus of each role, an answer with its feedback buttons, a question with no answer
        // and its hand-off button, the ticket staff get from it, a study-session reminder and change notice with their reply buttons.
        var replies = new List<JContainer>
        {
            await teams.SayAsync(TeamsScenario.StaffAad, "菜单"),
            await teams.SayAsync("m1", "菜单"),
            await teams.SayAsync("m1", "集中学习多久组织一次？"),
            await teams.SayAsync("m1", "明天会下雨吗"),
        };
        var session = new StudySession { Id = "XX-2026-0001", Title = "学习贯彻全会精神", StartsAt = TimeProvider.System.GetUtcNow().AddDays(3), OffsetMinutes = 480 };
        var office = factory.Services.GetRequiredService<OfficeTime>();
        replies.Add(JObject.FromObject(SessionCards.Reminder(session.ToView(), "zh-CN", office)));
        replies.Add(JObject.FromObject(SessionCards.Changed(session.ToView(), "zh-CN", office)));
        replies.Add(JObject.FromObject(KnowledgeStaffCards.Ticket("zh-CN", "T-1", "明天会下雨吗", "委员甲", Role.Member)));
        var buttons = replies.SelectMany(r => r.DescendantsAndSelf().OfType<JObject>())
            .Where(o => ButtonTypes.Contains((string?)o["type"] ?? "") && o["title"]?.Type == JTokenType.String)
            .Select(o => Fold((string)o["title"]!)).ToHashSet(StringComparer.Ordinal);
        Assert.Contains("请假", buttons);

        var entries = KnowledgeFolderLoader.Load(Path.Combine(BotFactory.RepositoryRoot, "kb")).Entries;
        var named = entries.SelectMany(e => Named(e.Answer).Select(name => (e.Id, Name: name))).ToList();
        var unknown = named.Where(n => !known.Contains(Fold(n.Name.Split(' ')[0])) && !buttons.Contains(Fold(n.Name))).ToList();

        Assert.True(named.Count >= 10, $"only {named.Count} buttons or commands found in the KB: the pattern no longer reads it");
        Assert.True(unknown.Count == 0, "the KB names buttons or commands the bot does not have: " + string.Join("; ", unknown.Select(u => $"{u.Id}: {u.Name}")));
    }

    /// <summary>What an answer tells people to tap or send: 点“请假”, 发送 **学习安排**, “参加 / 请假”按钮.</summary>
    private static IEnumerable<string> Named(string answer)
        => Instruction().Matches(answer).Select(m => m.Groups["name"].Value)
            .SelectMany(name => name.Split(['/', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(name => name.Length > 0);

    private static string Fold(string text) => text.Replace("*", "").Trim().ToLowerInvariant();

    // A verb of tapping or sending ("地点" is not one) followed by a quoted, back-ticked or bold name; or a quoted name
    // followed by 按钮.
    [GeneratedRegex(@"(?:(?<!地)(?:点击|点|按|发送|输入|回复)\s*(?:[“""`]\**(?<name>[^”""`*\n]+?)\**[”""`]|\*\*(?<name>[^*\n]+?)\*\*))|(?:[“""]\**(?<name>[^”""*\n]+?)\**[”""]\s*按钮)")]
    private static partial Regex Instruction();

    public void Dispose() => _db.Dispose();
}
