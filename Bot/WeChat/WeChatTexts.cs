namespace Cppcc.Bot.WeChat;

/// <summary>What the WeChat channel itself says (the bot's own answers come from the dialogs).</summary>
public static class WeChatTexts
{
    public const string Unsupported = "暂时只能处理文字和图片消息。请发送文字，例如“菜单”“建议”或“查询 编号 查询码”。";

    public const string PendingHeader = "【您有未送达的通知】";

    public const string ImageReceived = "已收到您的图片。";

    public const string ImageAttached = "图片已附在您的建议 {0} 中，工作人员可以查看。";

    public const string ImageKeptForNext = "它会附在您接下来提交的建议中（还没开始的话，请发送“建议”）。";

    public const string ImageNotSaved = "抱歉，图片暂时无法保存，请稍后再发一次。";

    /// <summary>The turn failed and its conversation state was cleared.</summary>
    public const string Error = "抱歉，处理您的消息时出错了，请稍后再试。当前流程已重置，没有保存不完整的内容。";

    /// <summary>The turn failed and nothing was cleared (storage failed, or the turn never ran): no promise of a reset.</summary>
    public const string ErrorNotReset = "抱歉，处理您的消息时出错了，请稍后再试。如果再次出错，请发送“取消”后重新开始。";
}
