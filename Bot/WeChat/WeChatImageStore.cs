using Cppcc.Bot.Storage;
using LiteDB;

namespace Cppcc.Bot.WeChat;

/// <summary>
/// <see cref="IWeChatImageStore"/> on LiteDB: the <c>wechat_images</c> collection and the bytes in LiteDB file storage
/// (<c>wechat/</c> files).
/// </summary>
public sealed class WeChatImageStore : IWeChatImageStore
{
    private readonly ILiteCollection<WeChatImage> _images;
    private readonly ILiteStorage<string> _files;

    public WeChatImageStore(ILiteDatabase database)
    {
        _images = LiteDbCollections.Open<WeChatImage>(database, "wechat_images");
        _images.EnsureIndex(i => i.OpenId);
        _images.EnsureIndex(i => i.Reference);
        _files = database.FileStorage;
    }

    /// <inheritdoc />
    public void Add(WeChatImageInfo image, string fileName, byte[] bytes)
    {
        _files.Upload(image.Id, fileName, new MemoryStream(bytes));
        _images.Insert(new WeChatImage { Id = image.Id, OpenId = image.OpenId, Reference = image.Reference, ContentType = image.ContentType, ReceivedAt = image.ReceivedAt });
    }

    /// <inheritdoc />
    public IReadOnlyList<WeChatImageInfo> Unattached(string openId)
        => _images.Find(i => i.OpenId == openId && i.Reference == null).Select(i => i.ToInfo()).ToList();

    /// <inheritdoc />
    public void Attach(string openId, string reference)
    {
        foreach (var image in _images.Find(i => i.OpenId == openId && i.Reference == null).ToList())
        {
            image.Reference = reference;
            _images.Update(image);
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<string> For(string reference) => _images.Find(i => i.Reference == reference).OrderBy(i => i.ReceivedAt).Select(i => i.Id).ToList();

    /// <inheritdoc />
    public (byte[] Bytes, string ContentType, string FileName)? Open(string id)
    {
        if (_images.FindById(id) is not { } image || _files.FindById(id) is not { } file)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        file.CopyTo(buffer);
        return (buffer.ToArray(), image.ContentType, file.Filename);
    }

    private sealed class WeChatImage
    {
        [BsonId]
        public string Id { get; set; } = "";

        public string OpenId { get; set; } = "";

        public string? Reference { get; set; }

        public string ContentType { get; set; } = "";

        public DateTime ReceivedAt { get; set; }

        public WeChatImageInfo ToInfo() => new(Id, OpenId, Reference, ContentType, ReceivedAt.ToUniversalTime());
    }
}
