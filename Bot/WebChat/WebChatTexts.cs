namespace Cppcc.Bot.WebChat;

/// <summary>Everything the web chat channel itself says to the public (zh-CN first, English as a courtesy).</summary>
internal static class WebChatTexts
{
    public const string TooFast = "您发送得太快了，请稍等片刻再发。（Too many messages, please wait a moment.）";
    public const string TooManyRequests = "请求过于频繁，请稍后再试。（Too many requests, please try again later.）";
    public const string TooLong = "消息太长了（最多 {0} 个字），请分几条发送。（Message too long.）";
    public const string TooLarge = "提交的内容过大，请精简后再发。（Request too large.）";
    public const string Busy = "当前访问人数较多，请稍后再试。（The service is busy, please try again later.）";
    public const string TooManyConversations = "您所在的网络已打开太多对话，请关闭不用的对话窗口，或稍后再试。（Too many open conversations from your network, please close some or try again later.）";
    public const string BadWatermark = "无法识别消息位置（watermark 应为不小于 0 的整数），请刷新页面后重试。（Malformed watermark.）";
    public const string BadRequest = "无法识别这条消息，请刷新页面后重试。（Malformed activity.）";
    public const string TokenMissing = "缺少访问令牌，请刷新页面。（Missing token.）";
    public const string TokenInvalid = "访问令牌无效或已过期，请刷新页面。（Invalid or expired token.）";
    public const string NotYourConversation = "无权访问该会话。（This token is not valid for this conversation.）";
    public const string ConversationEnded = "会话已结束，请刷新页面开始新的会话。（Conversation ended.）";
    public const string UploadNotSupported = "暂不支持上传文件，请直接输入文字。（File upload is not supported.）";
}
