using Cppcc.Dialogs.Root;

namespace Cppcc.Dialogs.Attachments;

/// <summary>The files kept with reports, as far as a caller may know of them (implemented by the host over its stores).</summary>
public interface IReportAttachments
{
    /// <summary>
    /// The files of <paramref name="reference"/> in the order they came, or null when there is no such report or
    /// <paramref name="caller"/> may not see it: staff see every report's, a member those of reports they wrote or
    /// co-signed, nobody else anything (the same answer for both, so a reference's existence is not given away).
    /// </summary>
    IReadOnlyList<ReportAttachmentEntry>? For(Caller caller, string reference);
}

/// <summary>One file kept with a report.</summary>
/// <param name="Id">The attachment id, the subject of its download link (<see cref="ReportAttachmentEntry.LinkKind"/>).</param>
/// <param name="FileName">The safe file name it is kept under.</param>
public sealed record ReportAttachmentEntry(string Id, string FileName)
{
    /// <summary>The kind of download link that serves a kept file (subject: <see cref="Id"/>); staff only, like every export.</summary>
    public const string LinkKind = "report.attachment";
}
