namespace Cppcc.Bot.WebChat;

/// <summary>
/// Where a conversation's activities are kept for the client to read: this process's memory (one instance), or
/// PostgreSQL, where every instance reads and appends the same ones and a stream on one instance is woken by an append
/// on another.
/// </summary>
internal interface IWebChatActivityLog
{
    /// <summary>Appends an activity; <paramref name="serialize"/> receives the id it was given and returns its JSON.</summary>
    Task<string> AppendAsync(WebChatConversation conversation, Func<string, string> serialize, CancellationToken cancellationToken);

    /// <summary>Activities after <paramref name="watermark"/> and the watermark to ask with next time.</summary>
    Task<(IReadOnlyList<StoredActivity> Activities, long Watermark)> ReadAfterAsync(
        WebChatConversation conversation, long watermark, CancellationToken cancellationToken);
}

/// <summary>The default: the activities live in the conversation object itself (bounded by count and characters).</summary>
internal sealed class WebChatMemoryLog : IWebChatActivityLog
{
    public Task<string> AppendAsync(WebChatConversation conversation, Func<string, string> serialize, CancellationToken cancellationToken) =>
        Task.FromResult(conversation.Append(serialize));

    public Task<(IReadOnlyList<StoredActivity> Activities, long Watermark)> ReadAfterAsync(
        WebChatConversation conversation, long watermark, CancellationToken cancellationToken) =>
        Task.FromResult(conversation.ReadAfter(watermark));
}
