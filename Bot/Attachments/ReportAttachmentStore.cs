using Cppcc.Bot.Storage;
using LiteDB;

namespace Cppcc.Bot.Attachments;

/// <summary>One file kept with a report.</summary>
public sealed class StoredAttachment
{
    /// <summary>Also the id of its bytes in LiteDB file storage (<c>report/…</c>).</summary>
    [BsonId]
    public string Id { get; set; } = "";

    /// <summary>The report it belongs to.</summary>
    public string Reference { get; set; } = "";

    /// <summary>Who sent it (user key).</summary>
    public string OwnerKey { get; set; } = "";

    /// <summary>Its name as sent, made safe.</summary>
    public string FileName { get; set; } = "";

    /// <summary>Its media type, as sniffed.</summary>
    public string ContentType { get; set; } = "";

    /// <summary>1 for the report's first file, then +1 each.</summary>
    public int Number { get; set; }

    /// <summary>Size in bytes.</summary>
    public long Length { get; set; }

    /// <summary>When it arrived (UTC).</summary>
    public DateTime ReceivedAt { get; set; }
}

/// <summary>
/// Files kept with reports: the <c>report_attachments</c> collection and their bytes in LiteDB file storage under
/// <c>report/</c>, written together in one transaction.
/// </summary>
public sealed class ReportAttachmentStore : IReportAttachmentStore
{
    private readonly ILiteDatabase _database;
    private readonly ILiteCollection<StoredAttachment> _attachments;
    private readonly Lock _adding = new();

    /// <summary>Opens the collection.</summary>
    public ReportAttachmentStore(ILiteDatabase database)
    {
        _database = database;
        _attachments = LiteDbCollections.Open<StoredAttachment>(database, "report_attachments");
        _attachments.EnsureIndex(a => a.Reference);
    }

    /// <inheritdoc />
    public IReadOnlyList<StoredAttachment> For(string reference)
        => _attachments.Find(a => a.Reference == reference).OrderBy(a => a.Number).ToList();

    /// <inheritdoc />
    public bool TryAdd(StoredAttachment attachment, byte[] bytes, int max)
    {
        lock (_adding)
        {
            var count = _attachments.Count(a => a.Reference == attachment.Reference);
            if (count >= max)
            {
                return false;
            }

            attachment.Number = count + 1;
            _database.BeginTrans();
            try
            {
                _database.FileStorage.Upload(attachment.Id, attachment.FileName, new MemoryStream(bytes));
                _attachments.Insert(attachment);
                _database.Commit();
                return true;
            }
            catch
            {
                _database.Rollback();
                throw;
            }
        }
    }

    /// <inheritdoc />
    public (StoredAttachment Attachment, byte[] Bytes)? Open(string id)
    {
        if (_attachments.FindById(id) is not { } attachment || _database.FileStorage.FindById(id) is not { } file)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        file.CopyTo(buffer);
        return (attachment, buffer.ToArray());
    }
}
