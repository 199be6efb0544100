using Cppcc.Bot.Reports;
using Cppcc.Dialogs.Attachments;
using Cppcc.Dialogs.Root;

namespace Cppcc.Bot.Attachments;

/// <summary>The files of a report for a caller who may see it: staff any report's, a member those of their own (written or co-signed).</summary>
public sealed class ReportAttachments(IReportAttachmentStore attachments, IReportStore reports) : IReportAttachments
{
    /// <inheritdoc />
    public IReadOnlyList<ReportAttachmentEntry>? For(Caller caller, string reference)
    {
        var report = reports.Find(reference);
        var own = report is not null && (report.AuthorKey == caller.UserKey || report.CoSignedKeys.Contains(caller.UserKey));
        if (report is null || !(caller.Role == Role.Staff || own))
        {
            return null;
        }

        return attachments.For(reference).Select(f => new ReportAttachmentEntry(f.Id, f.FileName)).ToList();
    }
}
