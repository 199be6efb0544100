using Cppcc.Bot.Exports;
using Cppcc.Dialogs.Attachments;

namespace Cppcc.Bot.Attachments;

/// <summary>The file behind a <see cref="ReportAttachmentEntry.LinkKind"/> link (subject: the attachment id); staff only, like every export.</summary>
public sealed class AttachmentExportSource(IReportAttachmentStore attachments) : IExportSource
{
    /// <inheritdoc />
    public string Kind => ReportAttachmentEntry.LinkKind;

    /// <inheritdoc />
    public ExportFile? Create(string subject)
        => attachments.Open(subject) is { } file
            ? new ExportFile(file.Bytes, file.Attachment.ContentType, file.Attachment.FileName)
            : null;
}
