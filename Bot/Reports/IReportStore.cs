using Cppcc.Dialogs.Reports;

namespace Cppcc.Bot.Reports;

/// <summary>
/// Reports with their history, and the counters their references come from: <see cref="ReportStore"/> on the LiteDB
/// file, <see cref="PostgresReportStore"/> when several instances share one PostgreSQL database.
/// </summary>
public interface IReportStore
{
    /// <summary>
    /// Gives the report the next reference of its kind and year (<c>SQ-2026-000001</c>) and stores it, in one
    /// transaction: numbers only grow, so a reference is never given twice, even when the insert fails.
    /// </summary>
    string Insert(StoredReport report, int year);

    /// <summary>The report, or null.</summary>
    StoredReport? Find(string reference);

    /// <summary>
    /// Reads the report, lets <paramref name="change"/> check and modify it, and saves it if the function says so, as
    /// one step (no lost updates between two staff clicking at once).
    /// </summary>
    T Update<T>(string reference, Func<StoredReport?, (bool Save, T Result)> change);

    /// <summary>An author's reports, newest first.</summary>
    IReadOnlyList<StoredReport> ByAuthor(string authorKey, int limit);

    /// <summary>Reports the user wrote or co-signed, newest first.</summary>
    IReadOnlyList<StoredReport> ByAuthorOrCoSigner(string userKey, int limit);

    /// <summary>The similarity fingerprints of all reports (read once at start-up by <see cref="ReportFingerprints"/>).</summary>
    IReadOnlyList<Fingerprint> Fingerprints();

    /// <summary>
    /// The fingerprints of reports with a sequence above <paramref name="sequence"/> or in <paramref name="also"/>: the
    /// ones other instances filed since <see cref="ReportFingerprints"/> last looked.
    /// </summary>
    IReadOnlyList<Fingerprint> FingerprintsAfter(long sequence, long[] also);

    /// <summary>Reports first filed in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>).</summary>
    IReadOnlyList<StoredReport> FiledBetween(DateTime fromUtc, DateTime toUtc);

    /// <summary>A page of reports by state and category, newest first, and how many match.</summary>
    (IReadOnlyList<StoredReport> Items, int Total) Page(ReportState? state, string? category, int skip, int take);

    /// <summary>Number of stored reports.</summary>
    int Count();
}
