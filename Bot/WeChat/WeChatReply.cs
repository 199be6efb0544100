namespace Cppcc.Bot.WeChat;

/// <summary>What a turn produced for the user: the rendered text (may be empty).</summary>
public sealed record WeChatReply(string Text);
