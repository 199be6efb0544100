using Cppcc.Bot.Reports;
using Cppcc.Bot.Storage;
using Cppcc.Dialogs.Reports;
using LiteDB;

namespace Cppcc.Bot.WeChat;

/// <summary>
/// Images a WeChat user sends: downloaded at once (WeChat keeps them three days) into LiteDB file storage and attached
/// to the user's suggestion: the one filed within the last day, or else the next one they file. Staff fetch them with
/// 微信图片 &lt;编号&gt;. Owns the <c>wechat_images</c> collection and the <c>wechat/</c> files.
/// </summary>
public sealed class WeChatImages
{
    private static readonly TimeSpan AttachToRecent = TimeSpan.FromDays(1);
    private const int MaxBytes = 10 * 1024 * 1024;
    private readonly ILiteCollection<WeChatImage> _images;
    private readonly ILiteStorage<string> _files;
    private readonly WeChatApiClient _api;
    private readonly IReportStore _reports;
    private readonly TimeProvider _time;
    private readonly ILogger<WeChatImages> _logger;

    public WeChatImages(ILiteDatabase database, WeChatApiClient api, IReportStore reports, TimeProvider time, ILogger<WeChatImages> logger)
    {
        _images = LiteDbCollections.Open<WeChatImage>(database, "wechat_images");
        _images.EnsureIndex(i => i.OpenId);
        _images.EnsureIndex(i => i.Reference);
        _files = database.FileStorage;
        _api = api;
        _reports = reports;
        _time = time;
        _logger = logger;
    }

    /// <summary>Stores the image of <paramref name="message"/>; returns what to tell the user.</summary>
    public async Task<string> ReceiveAsync(WeChatMessage message, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(message.MediaId))
            return WeChatTexts.Unsupported;
        byte[] bytes;
        string type;
        try
        {
            (bytes, type) = await _api.DownloadMediaAsync(message.MediaId, cancellationToken);
        }
        catch (Exception e) when (e is WeChatApiException or HttpRequestException or TaskCanceledException)
        {
            _logger.LogWarning("A WeChat image could not be downloaded: {Error}", e.GetType().Name);
            return WeChatTexts.ImageNotSaved;
        }

        if (bytes.Length > MaxBytes || !type.StartsWith("image/", StringComparison.Ordinal))
            return WeChatTexts.ImageNotSaved;
        var image = new WeChatImage
        {
            Id = "wechat/" + Guid.NewGuid().ToString("N"),
            OpenId = message.FromUserName,
            ContentType = type,
            ReceivedAt = _time.GetUtcNow().UtcDateTime,
        };
        _files.Upload(image.Id, image.Id + Extension(type), new MemoryStream(bytes));
        _images.Insert(image);
        var recent = LatestSuggestion(message.FromUserName, image.ReceivedAt - AttachToRecent);
        if (recent is null)
            return WeChatTexts.ImageReceived + WeChatTexts.ImageKeptForNext;
        Attach(message.FromUserName, recent.Reference);
        return WeChatTexts.ImageReceived + string.Format(WeChatTexts.ImageAttached, recent.Reference);
    }

    /// <summary>
    /// After each turn: a suggestion filed in it (its reference is in the reply) since the user's unattached images
    /// arrived gets them; returns the line that tells the user so, or null.
    /// </summary>
    public string? AfterTurn(string openId, string replyText)
    {
        var waiting = _images.Find(i => i.OpenId == openId && i.Reference == null).ToList();
        if (waiting.Count == 0 || LatestSuggestion(openId, waiting.Min(i => i.ReceivedAt)) is not { } filed
            || !replyText.Contains(filed.Reference, StringComparison.Ordinal))
            return null;
        Attach(openId, filed.Reference);
        return string.Format(WeChatTexts.ImageAttached, filed.Reference);
    }

    /// <summary>The images attached to a suggestion (for staff).</summary>
    public IReadOnlyList<string> For(string reference) => _images.Find(i => i.Reference == reference).OrderBy(i => i.ReceivedAt).Select(i => i.Id).ToList();

    /// <summary>The bytes and type of one stored image, or null.</summary>
    public (byte[] Bytes, string ContentType, string FileName)? Open(string id)
    {
        if (_images.FindById(id) is not { } image || _files.FindById(id) is not { } file)
            return null;
        using var buffer = new MemoryStream();
        file.CopyTo(buffer);
        return (buffer.ToArray(), image.ContentType, file.Filename);
    }

    private StoredReport? LatestSuggestion(string openId, DateTime since) =>
        _reports.ByAuthor(WeChatChannel.UserKey(openId), 1).FirstOrDefault(r => r.Kind == ReportKind.Suggestion && r.SubmittedAt >= since);

    private void Attach(string openId, string reference)
    {
        foreach (var image in _images.Find(i => i.OpenId == openId && i.Reference == null).ToList())
        {
            image.Reference = reference;
            _images.Update(image);
        }

        _logger.LogInformation("WeChat images attached to {Reference}", reference);
    }

    private static string Extension(string type) => type switch
    {
        "image/png" => ".png",
        "image/gif" => ".gif",
        _ => ".jpg",
    };

    private sealed class WeChatImage
    {
        [BsonId]
        public string Id { get; set; } = "";

        public string OpenId { get; set; } = "";

        public string? Reference { get; set; }

        public string ContentType { get; set; } = "";

        public DateTime ReceivedAt { get; set; }
    }
}
