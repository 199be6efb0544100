using Cppcc.Dialogs.Audiences;
using Cppcc.Dialogs.Root;
using Cppcc.Dialogs.Tests.Support;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Tests.Audiences;

public class GroupSetActionTests
{
    private sealed class RecordingGroups : IGroups
    {
        public List<(string Name, string Kind, IReadOnlyList<string> Entries, string SavedBy)> Saved { get; } = [];

        public IReadOnlyList<GroupSummary> List() => [];

        public (GroupSummary Group, IReadOnlyList<string> Unknown) Save(string name, string kind, IReadOnlyList<string> entries, string savedBy)
        {
            Saved.Add((name, kind, entries, savedBy));
            return (new GroupSummary(name, kind, entries.Count - 1), [entries[^1]]);
        }
    }

    private static DialogTestHost Host(RecordingGroups groups, Role role)
        => new(configure: s => s.AddSingleton<IGroups>(groups).AddSingleton<IRoster>(new NoRoster()).AddAudienceConversations(), role: role);

    private static Activity Submit(string json) => new(ActivityTypes.Message) { Value = JObject.Parse(json) };

    [Fact]
    public async Task Staff_save_a_group_from_members_listed_with_any_separator_and_hear_who_matched_nobody()
    {
        var groups = new RecordingGroups();

        await Host(groups, Role.Staff).Flow()
            .Send(Submit("""{"action":"group.set","name":" 民盟 ","kind":"界别","members":"张三，李四、 aad-3\n王五"}"""))
            .AssertReply(a =>
            {
                Assert.Contains("已保存界别“民盟”，共 3 人。", a.AsMessageActivity().Text);
                Assert.Contains("以下成员尚未与助手对话，未能加入：王五", a.AsMessageActivity().Text);
            })
            .StartTestAsync();

        var saved = Assert.Single(groups.Saved);
        Assert.Equal(("民盟", "界别", "test:user-1"), (saved.Name, saved.Kind, saved.SavedBy));
        Assert.Equal(["张三", "李四", "aad-3", "王五"], saved.Entries);
    }

    [Theory]
    [InlineData("""{"action":"group.set","kind":"界别","members":"张三"}""", "请填写分组名称（name）")]
    [InlineData("""{"action":"group.set","name":"ALL","kind":"界别","members":"张三"}""", "不能是 all")]
    [InlineData("""{"action":"group.set","name":"文史委","kind":"委员会","members":"张三"}""", "分组类型（kind）")]
    [InlineData("""{"action":"group.set","name":"文史委","kind":"专委会","members":" ，、 "}""", "请填写成员（members）")]
    public async Task A_bad_field_is_named_and_nothing_is_saved(string json, string expected)
    {
        var groups = new RecordingGroups();

        await Host(groups, Role.Staff).Flow()
            .Send(Submit(json)).AssertReply(a => Assert.Contains(expected, a.AsMessageActivity().Text))
            .StartTestAsync();

        Assert.Empty(groups.Saved);
    }

    [Fact]
    public async Task A_member_cannot_set_a_group()
    {
        var groups = new RecordingGroups();

        await Host(groups, Role.Member).Flow()
            .Send(Submit("""{"action":"group.set","name":"民盟","kind":"界别","members":"张三"}"""))
            .AssertReply(a => Assert.Contains("没有使用此功能的权限", a.AsMessageActivity().Text))
            .StartTestAsync();

        Assert.Empty(groups.Saved);
    }

    private sealed class NoRoster : IRoster
    {
        public Task<RosterSyncResult> SyncAsync(Microsoft.Bot.Builder.ITurnContext turn, CancellationToken cancellationToken)
            => throw new InvalidOperationException("not used");
    }
}
