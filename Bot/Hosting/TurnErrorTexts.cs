using Cppcc.Dialogs.Framework;

namespace Cppcc.Bot.Hosting;

/// <summary>What a user hears when their turn failed (the WeChat channel says the same in <c>WeChatTexts</c>).</summary>
public static class TurnErrorTexts
{
    /// <summary>The turn failed and its conversation state was cleared: nothing of the step is kept.</summary>
    public static readonly Localized Reset = new(
        "抱歉，处理您的消息时出错了，请稍后再试。当前流程已重置，没有保存不完整的内容。",
        "Sorry, something went wrong. The current step was reset and nothing incomplete was saved. Please try again.");

    /// <summary>
    /// The turn failed and clearing its state failed too, mostly because storage is what failed (a full disk, PostgreSQL
    /// restarting): the step may still be there, so this promises nothing about it and says how to leave it.
    /// </summary>
    public static readonly Localized NotReset = new(
        "抱歉，处理您的消息时出错了，请稍后再试。如果再次出错，请发送“取消”后重新开始。",
        "Sorry, something went wrong. Please try again later; if it happens again, send “cancel” to start over.");
}
