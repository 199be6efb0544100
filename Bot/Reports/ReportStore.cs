using Cppcc.Bot.Storage;
using Cppcc.Dialogs.Reports;
using LiteDB;

namespace Cppcc.Bot.Reports;

/// <summary>
/// Reports with their history, and the counters their references come from. The only code touching the
/// <c>reports</c> and <c>report_counters</c> collections. Two collections in one store because a
/// reference must be taken and used in one transaction.
/// </summary>
public sealed class ReportStore
{
    private readonly ILiteDatabase _database;
    private readonly ILiteCollection<StoredReport> _reports;
    private readonly ILiteCollection<Counter> _counters;

    // LiteDB transactions belong to a thread; one gate makes "take the next number + insert" and
    // "read + check + update" atomic for every writer of this process (the bot runs as one process per file).
    private readonly object _gate = new();

    /// <summary>Creates the store and its indexes.</summary>
    public ReportStore(ILiteDatabase database)
    {
        _database = database;
        _reports = LiteDbCollections.Open<StoredReport>(database, "reports");
        _counters = LiteDbCollections.Open<Counter>(database, "report_counters");
        _reports.EnsureIndex(r => r.Sequence);
        _reports.EnsureIndex(r => r.AuthorKey);
        _reports.EnsureIndex(r => r.State);
        _reports.EnsureIndex(r => r.Category);
        _reports.EnsureIndex(r => r.SubmittedAt);
        _reports.EnsureIndex("CoSignedKeys", "$.CoSignedKeys[*]");
    }

    /// <summary>
    /// Gives the report the next reference of its kind and year (<c>SQ-2026-000001</c>) and stores it, in one
    /// transaction: numbers only grow, so a reference is never given twice, even when the insert fails.
    /// </summary>
    public string Insert(StoredReport report, int year)
    {
        lock (_gate)
        {
            _database.BeginTrans();
            try
            {
                var counterId = $"{report.Kind.Prefix()}-{year}";
                var counter = _counters.FindById(counterId) ?? new Counter { Id = counterId };
                counter.Value++;
                _counters.Upsert(counter);
                var global = _counters.FindById("all") ?? new Counter { Id = "all" };
                global.Value++;
                _counters.Upsert(global);
                report.Reference = $"{counterId}-{counter.Value:D6}";
                report.Sequence = global.Value;
                _reports.Insert(report);
                _database.Commit();
                return report.Reference;
            }
            catch
            {
                _database.Rollback();
                throw;
            }
        }
    }

    /// <summary>The report, or null.</summary>
    public StoredReport? Find(string reference) => ReportFormat.IsReference(reference) ? _reports.FindById(reference) : null;

    /// <summary>
    /// Reads the report, lets <paramref name="change"/> check and modify it, and saves it if the function says so, all
    /// under the store's gate (no lost updates between two staff clicking at once).
    /// </summary>
    public T Update<T>(string reference, Func<StoredReport?, (bool Save, T Result)> change)
    {
        lock (_gate)
        {
            var report = Find(reference);
            var (save, result) = change(report);
            if (save && report is not null)
            {
                _reports.Update(report);
            }

            return result;
        }
    }

    /// <summary>An author's reports, newest first.</summary>
    public IReadOnlyList<StoredReport> ByAuthor(string authorKey, int limit)
        => _reports.Query().Where(r => r.AuthorKey == authorKey).OrderByDescending(r => r.Sequence).Limit(limit).ToList();

    /// <summary>Reports the user wrote or co-signed, newest first.</summary>
    public IReadOnlyList<StoredReport> ByAuthorOrCoSigner(string userKey, int limit)
    {
        var cosigned = _reports.Query().Where("$.CoSignedKeys[*] ANY = @0", new BsonValue(userKey)).OrderByDescending(r => r.Sequence).Limit(limit).ToList();
        return ByAuthor(userKey, limit).Concat(cosigned).DistinctBy(r => r.Reference).OrderByDescending(r => r.Sequence).Take(limit).ToList();
    }

    /// <summary>The similarity fingerprints of all reports (read once at start-up by <see cref="ReportFingerprints"/>).</summary>
    public IReadOnlyList<Fingerprint> Fingerprints() => _reports.FindAll().Select(Fingerprint.Of).ToList();

    /// <summary>Reports first filed in [<paramref name="fromUtc"/>, <paramref name="toUtc"/>).</summary>
    public IReadOnlyList<StoredReport> FiledBetween(DateTime fromUtc, DateTime toUtc)
        => _reports.Query().Where(r => r.SubmittedAt >= fromUtc && r.SubmittedAt < toUtc).ToList();

    /// <summary>A page of reports by state and category, newest first, and how many match.</summary>
    public (IReadOnlyList<StoredReport> Items, int Total) Page(ReportState? state, string? category, int skip, int take)
    {
        ILiteQueryable<StoredReport> Query()
        {
            var query = _reports.Query();
            if (state is { } s)
            {
                // Enums are stored by name; compare the stored string rather than rely on the LINQ mapping of enums.
                query = query.Where("$.State = @0", new BsonValue(s.ToString()));
            }

            return category is null ? query : query.Where(r => r.Category == category);
        }

        var total = Query().Count();
        var items = Query().OrderByDescending(r => r.Sequence).Skip(skip).Limit(take).ToList();
        return (items, total);
    }

    /// <summary>Number of stored reports.</summary>
    public int Count() => _reports.Count();

    private sealed class Counter
    {
        [BsonId]
        public string Id { get; set; } = "";

        public long Value { get; set; }
    }
}
