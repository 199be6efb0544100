using Cppcc.Dialogs.Reports;
using Cppcc.Dialogs.Root;

namespace Cppcc.Bot.Reports;

/// <summary>A stored report as a caller may see it: staff get contact, author name, sector and who made each step.</summary>
public static class ReportDetailsMapper
{
    /// <summary>The view of <paramref name="report"/> for staff or for its author / code holder.</summary>
    public static ReportDetails Map(StoredReport report, bool staff, IMemberSectorStore sectors)
    {
        var draft = report.ToDraft();
        if (!staff)
        {
            draft.ContactName = null;
            draft.ContactPhone = null;
        }

        string? authorName = null;
        if (staff)
        {
            authorName = report.AuthorRole == nameof(Role.Public)
                ? (report.Anonymous ? ReportDetails.AnonymousAuthor : report.ContactName)
                : report.AuthorName;
        }

        return new ReportDetails
        {
            Reference = report.Reference,
            Kind = report.Kind,
            State = report.State,
            Draft = draft,
            AuthorName = authorName,
            Sector = staff && report.Kind == ReportKind.Report ? sectors.Find(report.AuthorKey) : null,
            CoSigners = report.CoAuthors.Where(c => c.Accepted == true).Select(c => c.Name).ToList(),
            ShowsContact = staff,
            Department = report.Department,
            Level = report.Level,
            SubmittedAt = StoredReport.Utc(report.SubmittedAt),
            History = report.History.Select(h => new ReportHistoryEntry(h.Sequence, StoredReport.Utc(h.At), h.From, h.To,
                staff ? h.ActorName : null, h.ByStaff, h.Note, h.Department, h.Level)).ToList(),
        };
    }
}
