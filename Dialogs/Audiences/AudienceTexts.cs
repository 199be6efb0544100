using Cppcc.Dialogs.Framework;

namespace Cppcc.Dialogs.Audiences;

/// <summary>User-facing texts of member groups and the roster sync (zh-CN first).</summary>
internal static class AudienceTexts
{
    public static readonly Localized MissingName = new("请填写分组名称（name）。", "Please give the group name (name).");
    public static readonly Localized NameTooLong = new("分组名称（name）不能超过 20 字，且不能是 all。", "The group name (name) must be at most 20 characters and not \"all\".");
    public static readonly Localized BadKind = new("分组类型（kind）应为“界别”或“专委会”。", "The group kind (kind) must be 界别 or 专委会.");
    public static readonly Localized NoMembers = new("请填写成员（members），用逗号或换行分隔。", "Please list the members (members), separated by commas or lines.");
    public static readonly Localized Saved = new("已保存{0}“{1}”，共 {2} 人。", "Saved {0} \"{1}\" with {2} members.");
    public static readonly Localized Unknown = new("以下成员尚未与助手对话，未能加入：{0}", "These entries matched no member who has written to the assistant: {0}");
    public static readonly Localized NoGroups = new("还没有分组。发送 group.set 卡片可以创建界别或专委会分组。", "There are no groups yet.");
    public static readonly Localized ListTitle = new("成员分组：", "Member groups:");
    public static readonly Localized RosterTeamsOnly = new("请在 Teams 团队频道或群聊中 @助手 使用“同步成员”。", "Use \"sync members\" in a Teams team channel or group chat.");
    public static readonly Localized RosterSynced = new("名单共 {0} 人：新建对话 {1} 人，已有对话 {2} 人，失败 {3} 人。他们现在都能收到提醒和通知（失败者除外）。",
        "Roster: {0} people; {1} new conversations, {2} already reachable, {3} failed.");
    public static readonly Localized Line = new("{0}“{1}”：{2} 人", "{0} \"{1}\": {2} members");
}
