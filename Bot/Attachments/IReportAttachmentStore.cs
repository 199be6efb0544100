namespace Cppcc.Bot.Attachments;

/// <summary>Files kept with reports, with their bytes; a report holds at most a given number of them.</summary>
public interface IReportAttachmentStore
{
    /// <summary>The report's files, in the order they came.</summary>
    IReadOnlyList<StoredAttachment> For(string reference);

    /// <summary>
    /// Stores the file unless the report already holds <paramref name="max"/>; false then. Sets
    /// <see cref="StoredAttachment.Number"/>. The limit holds however many adders run at once.
    /// </summary>
    bool TryAdd(StoredAttachment attachment, byte[] bytes, int max);

    /// <summary>The attachment and its bytes, or null.</summary>
    (StoredAttachment Attachment, byte[] Bytes)? Open(string id);
}
