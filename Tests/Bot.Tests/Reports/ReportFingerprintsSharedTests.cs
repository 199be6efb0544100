using Cppcc.Bot.Reports;
using Cppcc.Bot.Storage;
using Cppcc.Bot.Storage.Postgres;
using Cppcc.Bot.Tests.Support;
using Cppcc.Dialogs.Reports;

namespace Cppcc.Bot.Tests.Reports;

/// <summary>
/// The in-memory fingerprints behind "similar reports", with two instances filing into one PostgreSQL database: each
/// sees the other's new reports on its next use, also one whose number was taken before but committed after.
/// </summary>
public class ReportFingerprintsSharedTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    private static StoredReport Report(string title) => new()
    {
        Kind = ReportKind.Report,
        Category = "城建",
        Title = title,
        Content = "情况",
        AuthorKey = "msteams:aad-1",
        AuthorName = "张委员",
        State = ReportState.Submitted,
        SubmittedAt = Now,
        UpdatedAt = Now,
    };

    [PostgresFact]
    public async Task Reports_filed_by_another_instance_are_seen_on_the_next_use_including_one_committed_late()
    {
        await using var context = await StoreContext.CreateAsync(StorageProvider.PostgreSql, new PostgresSchema("reports-001", PostgresReportStore.Schema));
        var (first, second) = context.TwoInstances<IReportStore, ReportStore, PostgresReportStore>();
        var seenByFirst = new ReportFingerprints(first, context.Time, shared: true);
        var one = first.Insert(Report("路灯不亮"), 2026);
        seenByFirst.Put(first.Find(one)!);
        Assert.Equal([one], seenByFirst.All.Select(f => f.Reference));

        // The second instance takes a number for a filing that has not committed yet, and files another one meanwhile.
        var taken = (long)context.Postgres.CreateCommand("SELECT nextval('report_sequence')").ExecuteScalar()!;
        var three = second.Insert(Report("公交线路"), 2026);
        Assert.Equal([one, three], seenByFirst.All.Select(f => f.Reference).Order());

        // The late filing commits with the number it took.
        context.Postgres.Execute(
            """
            INSERT INTO reports (reference, sequence, author_key, state, category, submitted_at, cosigned_keys, doc)
            SELECT 'SQ-2026-000099', $2, author_key, state, category, submitted_at, cosigned_keys,
                   jsonb_set(jsonb_set(doc, '{Reference}', '"SQ-2026-000099"'), '{Sequence}', to_jsonb($2))
            FROM reports WHERE reference = $1
            """, one, taken);
        context.Time.Advance(TimeSpan.FromSeconds(30));
        var late = seenByFirst.All.Single(f => f.Reference == "SQ-2026-000099");
        Assert.Equal((taken, "城建", "msteams:aad-1"), (late.Sequence, late.Category, late.AuthorKey));
        Assert.Equal(3, seenByFirst.All.Count());

        // A LiteDB-style index (not shared) keeps what it loaded.
        var notShared = new ReportFingerprints(second, context.Time);
        Assert.Equal(3, notShared.All.Count());
        second.Insert(Report("新的反映"), 2026);
        Assert.Equal(3, notShared.All.Count());
        Assert.Equal(4, seenByFirst.All.Count());
    }
}
