using System.Text.Json.Nodes;

namespace Cppcc.Bot.WeChat;

/// <summary>
/// The account's custom menu (自定义菜单): three click buttons whose keys come back as CLICK events and run the same
/// commands a user could type. Published by <c>Cppcc.Bot wechat-menu</c>.
/// </summary>
public sealed class WeChatMenu(WeChatApiClient api)
{
    private static readonly (string Name, string Key, string Text)[] Buttons =
    [
        ("提出建议", "CPPCC_SUGGEST", "建议"),
        ("查询进度", "CPPCC_STATUS", "查询"),
        ("常见问题", "CPPCC_FAQ", "帮助"),
    ];

    /// <summary>The command a menu click stands for, or null for a key that is not ours.</summary>
    public static string? TextFor(string? eventKey) => Buttons.FirstOrDefault(b => b.Key == eventKey).Text;

    public static JsonObject Definition() => new()
    {
        ["button"] = new JsonArray(Buttons.Select(b => (JsonNode)new JsonObject
        {
            ["type"] = "click",
            ["name"] = b.Name,
            ["key"] = b.Key,
        }).ToArray()),
    };

    public Task PublishAsync(CancellationToken cancellationToken) => api.CreateMenuAsync(Definition(), cancellationToken);
}
