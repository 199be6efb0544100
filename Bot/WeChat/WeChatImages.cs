using Cppcc.Bot.Reports;
using Cppcc.Dialogs.Reports;
using Cppcc.Dialogs.WeChat;

namespace Cppcc.Bot.WeChat;

/// <summary>
/// Images a WeChat user sends: downloaded at once (WeChat keeps them three days) into <see cref="IWeChatImageStore"/>
/// and attached to the user's suggestion: the one filed within the last day, or else the next one they file. Staff
/// fetch them with 微信图片 &lt;编号&gt;.
/// </summary>
public sealed class WeChatImages(IWeChatImageStore images, WeChatApiClient api, IReportStore reports, TimeProvider time,
    ILogger<WeChatImages> logger) : IWeChatImages
{
    private const int MaxBytes = 10 * 1024 * 1024;
    private static readonly TimeSpan AttachToRecent = TimeSpan.FromDays(1);

    /// <summary>Stores the image of <paramref name="message"/>; returns what to tell the user.</summary>
    public async Task<string> ReceiveAsync(WeChatMessage message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(message.MediaId))
        {
            return WeChatTexts.Unsupported;
        }

        byte[] bytes;
        string type;
        try
        {
            (bytes, type) = await api.DownloadMediaAsync(message.MediaId, cancellationToken);
        }
        catch (Exception e) when (e is WeChatApiException or HttpRequestException or TaskCanceledException)
        {
            logger.LogWarning("A WeChat image could not be downloaded: {Error}", e.GetType().Name);
            return WeChatTexts.ImageNotSaved;
        }

        if (bytes.Length > MaxBytes || !type.StartsWith("image/", StringComparison.Ordinal))
        {
            return WeChatTexts.ImageNotSaved;
        }

        var id = "wechat/" + Guid.NewGuid().ToString("N");
        var image = new WeChatImageInfo(id, message.FromUserName, null, type, time.GetUtcNow().UtcDateTime);
        images.Add(image, id + Extension(type), bytes);
        var recent = LatestSuggestion(message.FromUserName, image.ReceivedAt - AttachToRecent);
        if (recent is null)
        {
            return WeChatTexts.ImageReceived + WeChatTexts.ImageKeptForNext;
        }

        Attach(message.FromUserName, recent.Reference);
        return WeChatTexts.ImageReceived + string.Format(WeChatTexts.ImageAttached, recent.Reference);
    }

    /// <summary>
    /// After each turn: a suggestion filed in it (its reference is in the reply) since the user's unattached images
    /// arrived gets them; returns the line that tells the user so, or null.
    /// </summary>
    public string? AfterTurn(string openId, string replyText)
    {
        var waiting = images.Unattached(openId);
        if (waiting.Count == 0 || LatestSuggestion(openId, waiting.Min(i => i.ReceivedAt)) is not { } filed
            || !replyText.Contains(filed.Reference, StringComparison.Ordinal))
        {
            return null;
        }

        Attach(openId, filed.Reference);
        return string.Format(WeChatTexts.ImageAttached, filed.Reference);
    }

    /// <inheritdoc />
    public IReadOnlyList<string> For(string reference) => images.For(reference);

    /// <summary>The bytes and type of one stored image, or null.</summary>
    public (byte[] Bytes, string ContentType, string FileName)? Open(string id) => images.Open(id);

    // Both sides in UTC: LiteDB reads times back as local, PostgreSQL as UTC, and DateTime comparison ignores the kind.
    private StoredReport? LatestSuggestion(string openId, DateTime since) =>
        reports.ByAuthor(WeChatChannel.UserKey(openId), 1)
            .FirstOrDefault(r => r.Kind == ReportKind.Suggestion && r.SubmittedAt.ToUniversalTime() >= since.ToUniversalTime());

    private void Attach(string openId, string reference)
    {
        images.Attach(openId, reference);
        logger.LogInformation("WeChat images attached to {Reference}", reference);
    }

    private static string Extension(string type) => type switch
    {
        "image/png" => ".png",
        "image/gif" => ".gif",
        _ => ".jpg",
    };
}
