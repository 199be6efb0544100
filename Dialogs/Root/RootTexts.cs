using Cppcc.Dialogs.Framework;

namespace Cppcc.Dialogs.Root;

/// <summary>User-facing texts of the root conversation (zh-CN first).</summary>
internal static class RootTexts
{
    public static readonly Localized WelcomeTitle = new("欢迎使用区政协委员助手", "Welcome to the District CPPCC Assistant");
    public static readonly Localized WelcomeBody = new(
        "我可以帮您提交社情民意信息和建议、查询办理进度、解答履职和政策问题、提醒学习安排。直接输入问题，或点击下面的功能。",
        "I can help you file opinion reports and suggestions, follow their progress, answer questions about the committee's work, and remind you of study sessions. Type a question or pick an action below.");
    public static readonly Localized PublicWelcomeTitle = new("欢迎来到区政协在线服务", "Welcome to the District CPPCC online service");
    public static readonly Localized PublicWelcomeBody = new(
        "您可以在这里向区政协提出意见建议、凭编号和查询码了解办理进度，或直接输入问题了解政协工作。",
        "Here you can send the committee a suggestion, follow it with its reference and access code, or ask about the committee's work.");
    public static readonly Localized MenuTitle = new("主菜单", "Main menu");
    public static readonly Localized MenuHint = new("直接输入问题即可查询知识库；输入“取消”可随时退出当前流程。",
        "Type any question to search the knowledge base; type \"cancel\" at any time to leave a step.");
    public static readonly Localized Cancelled = new("已取消，没有保存任何内容。", "Cancelled. Nothing was saved.");
    public static readonly Localized NothingToCancel = new("当前没有进行中的流程。输入“菜单”查看可用功能。", "There is nothing to cancel. Type \"menu\" to see what I can do.");
    public static readonly Localized LeftForMenu = new("已退出当前流程，没有保存任何内容。", "I left the current step; nothing was saved.");
    public static readonly Localized DialogHelp = new(
        "您正在进行一个流程：回答上面的问题即可继续；输入“取消”退出（不会保存任何内容）；输入“菜单”回到主菜单。",
        "You are in the middle of a step: answer the question above to go on, type \"cancel\" to leave (nothing is saved), or \"menu\" for the main menu.");
    public static readonly Localized StackReset = new("抱歉，之前的对话已失效，请重新开始。输入“菜单”查看可用功能。",
        "Sorry, the previous conversation can't be continued. Type \"menu\" to start again.");
    public static readonly Localized NotAllowed = new("抱歉，您没有使用此功能的权限。", "Sorry, you are not allowed to use this.");
    public static readonly Localized UnknownAction = new("这个按钮已失效，请输入“菜单”重新开始。", "This button is no longer valid. Type \"menu\" to start again.");
    public static readonly Localized PersonalOnly = new("这项内容只在您与助手的私聊中显示，以免这里的其他人看到。请在私聊中发送“{0}”。",
        "This is shown only in your personal chat with the assistant, so that others here don't see it. Send \"{0}\" there.");
    public static readonly Localized EmptyMessage = new("我只能读懂文字消息。请直接输入您的问题，或输入“菜单”查看可用功能。",
        "I can only read text. Type your question, or \"menu\" to see what I can do.");

    public static readonly Localized LanguageChosen = new("已切换为中文。输入“菜单”查看可用功能。",
        "Switched to English. Type \"menu\" to see what I can do.");

    public static readonly string[] CancelWords = { "取消", "cancel", "退出", "quit" };
    public static readonly string[] MenuWords = { "菜单", "menu", "主菜单" };
    public static readonly string[] HelpWords = { "帮助", "help", "?", "？" };
}
