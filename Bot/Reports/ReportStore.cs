using Cppcc.Bot.Storage;
using Cppcc.Dialogs.Reports;
using LiteDB;

namespace Cppcc.Bot.Reports;

/// <summary>
/// Reports on the LiteDB file. The only code touching the <c>reports</c> and <c>report_counters</c> collections. Two
/// collections in one store because a reference must be taken and used in one transaction.
/// </summary>
public sealed class ReportStore : IReportStore
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

    /// <inheritdoc />
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

    /// <inheritdoc />
    public StoredReport? Find(string reference) => ReportFormat.IsReference(reference) ? _reports.FindById(reference) : null;

    /// <inheritdoc />
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

    /// <inheritdoc />
    public IReadOnlyList<StoredReport> ByAuthor(string authorKey, int limit)
        => _reports.Query().Where(r => r.AuthorKey == authorKey).OrderByDescending(r => r.Sequence).Limit(limit).ToList();

    /// <inheritdoc />
    public IReadOnlyList<StoredReport> ByAuthorOrCoSigner(string userKey, int limit)
    {
        var cosigned = _reports.Query().Where("$.CoSignedKeys[*] ANY = @0", new BsonValue(userKey)).OrderByDescending(r => r.Sequence).Limit(limit).ToList();
        return ByAuthor(userKey, limit).Concat(cosigned).DistinctBy(r => r.Reference).OrderByDescending(r => r.Sequence).Take(limit).ToList();
    }

    /// <inheritdoc />
    public IReadOnlyList<Fingerprint> Fingerprints() => _reports.FindAll().Select(Fingerprint.Of).ToList();

    /// <inheritdoc />
    public IReadOnlyList<Fingerprint> FingerprintsAfter(long sequence, long[] also)
        => _reports.Find(r => r.Sequence > sequence).Concat(also.SelectMany(s => _reports.Find(r => r.Sequence == s)))
            .Select(Fingerprint.Of).ToList();

    /// <inheritdoc />
    public IReadOnlyList<StoredReport> FiledBetween(DateTime fromUtc, DateTime toUtc)
        => _reports.Query().Where(r => r.SubmittedAt >= fromUtc && r.SubmittedAt < toUtc).ToList();

    /// <inheritdoc />
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

    /// <inheritdoc />
    public int Count() => _reports.Count();

    private sealed class Counter
    {
        [BsonId]
        public string Id { get; set; } = "";

        public long Value { get; set; }
    }
}
