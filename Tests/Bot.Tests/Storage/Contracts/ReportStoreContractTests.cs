using Cppcc.Bot.Reports;
using Cppcc.Bot.Storage;
using Cppcc.Bot.Storage.Postgres;
using Cppcc.Bot.Tests.Support;
using Cppcc.Dialogs.Reports;

namespace Cppcc.Bot.Tests.Storage.Contracts;

/// <summary>What every <see cref="IReportStore"/> does, on LiteDB and on PostgreSQL.</summary>
public sealed class ReportStoreContractTests
{
    private static readonly DateTime Filed = new(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc);

    private static Task<StoreContext> OpenAsync(StorageProvider provider)
        => StoreContext.CreateAsync(provider, new PostgresSchema("reports-001", PostgresReportStore.Schema));

    private static IReportStore Store(StoreContext context) => context.Store<IReportStore, ReportStore, PostgresReportStore>();

    private static (IReportStore First, IReportStore Second) Stores(StoreContext context)
        => context.TwoInstances<IReportStore, ReportStore, PostgresReportStore>();

    private static StoredReport Report(string author, ReportKind kind = ReportKind.Report, string category = "经济", DateTime? at = null) => new()
    {
        Kind = kind,
        Category = category,
        Title = "关于老旧小区加装电梯的建议",
        Content = "情况",
        AuthorKey = author,
        AuthorName = "委员",
        AuthorRole = "member",
        ConversationId = "a:" + author,
        State = ReportState.Submitted,
        SubmittedAt = at ?? Filed,
        UpdatedAt = at ?? Filed,
        TitleGrams = [3, 5, 8],
        TextGrams = [1, 2],
        History = [new StoredHistoryEntry { Sequence = 1, At = at ?? Filed, To = ReportState.Submitted, ActorKey = author, ActorName = "委员" }],
    };

    [StoreTheory]
    public async Task References_count_per_kind_and_year_and_a_stored_report_reads_back_whole(StorageProvider provider)
    {
        await using var context = await OpenAsync(provider);
        var store = Store(context);

        var first = store.Insert(Report("msteams:a"), 2026);
        var suggestion = store.Insert(Report("webchat:v", ReportKind.Suggestion), 2026);
        var second = store.Insert(Report("msteams:b"), 2026);
        var nextYear = store.Insert(Report("msteams:a"), 2027);

        Assert.Equal(["SQ-2026-000001", "JY-2026-000001", "SQ-2026-000002", "SQ-2027-000001"], [first, suggestion, second, nextYear]);
        var read = store.Find(second)!;
        Assert.Equal(("msteams:b", ReportState.Submitted, "经济", Filed), (read.AuthorKey, read.State, read.Category, read.SubmittedAt.ToUniversalTime()));
        Assert.Equal([3, 5, 8], read.TitleGrams);
        Assert.Equal("委员", Assert.Single(read.History).ActorName);
        Assert.True(store.Find(nextYear)!.Sequence > read.Sequence);
        Assert.Null(store.Find("SQ-2026-999999"));
        Assert.Null(store.Find("not a reference"));
        Assert.Equal(4, store.Count());
    }

    [StoreTheory]
    public async Task Filings_at_once_through_two_instances_get_distinct_consecutive_references(StorageProvider provider)
    {
        await using var context = await OpenAsync(provider);
        var (first, second) = Stores(context);

        var references = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            Task.Run(() => (i % 2 == 0 ? first : second).Insert(Report("msteams:u" + i), 2026))));

        Assert.Equal(200, references.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, 200).Select(n => $"SQ-2026-{n:D6}"), references.Order());
        Assert.Equal(200, first.Count());
    }

    [StoreTheory]
    public async Task Changes_made_at_once_through_two_instances_are_all_kept(StorageProvider provider)
    {
        await using var context = await OpenAsync(provider);
        var (first, second) = Stores(context);
        var reference = first.Insert(Report("msteams:a"), 2026);

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() => (i % 2 == 0 ? first : second).Update(reference, report =>
        {
            report!.History.Add(new StoredHistoryEntry { Sequence = report.History.Count + 1, At = Filed, To = ReportState.Accepted, Note = "n" + i });
            return (true, 0);
        }))));
        var notSaved = first.Update(reference, report =>
        {
            report!.State = ReportState.Closed;
            return (false, "checked");
        });

        var stored = second.Find(reference)!;
        Assert.Equal("checked", notSaved);
        Assert.Equal(ReportState.Submitted, stored.State);
        Assert.Equal(Enumerable.Range(1, 41), stored.History.Select(h => h.Sequence));
        Assert.Equal(40, stored.History.Select(h => h.Note).Where(n => n is not null).Distinct().Count());
        Assert.Null(first.Update("SQ-2026-000099", report => (true, report)));
    }

    [StoreTheory]
    public async Task Lists_filter_sort_newest_first_and_count(StorageProvider provider)
    {
        await using var context = await OpenAsync(provider);
        var store = Store(context);
        var a1 = store.Insert(Report("msteams:a", category: "经济", at: Filed), 2026);
        var b1 = store.Insert(Report("msteams:b", category: "社会", at: Filed.AddDays(1)), 2026);
        var a2 = store.Insert(Report("msteams:a", category: "社会", at: Filed.AddDays(2)), 2026);
        store.Update(b1, r =>
        {
            r!.State = ReportState.Accepted;
            r.CoSignedKeys.Add("msteams:a");
            return (true, 0);
        });

        Assert.Equal([a2, a1], store.ByAuthor("msteams:a", 10).Select(r => r.Reference));
        Assert.Equal([a2], store.ByAuthor("msteams:a", 1).Select(r => r.Reference));
        Assert.Equal([a2, b1, a1], store.ByAuthorOrCoSigner("msteams:a", 10).Select(r => r.Reference));
        Assert.Equal([b1], store.ByAuthorOrCoSigner("msteams:b", 10).Select(r => r.Reference));
        var (social, socialTotal) = store.Page(null, "社会", 0, 10);
        Assert.Equal([a2, b1], social.Select(r => r.Reference));
        Assert.Equal(2, socialTotal);
        var (submitted, submittedTotal) = store.Page(ReportState.Submitted, null, 1, 1);
        Assert.Equal([a1], submitted.Select(r => r.Reference));
        Assert.Equal(2, submittedTotal);
        Assert.Equal([b1], store.Page(ReportState.Accepted, "社会", 0, 10).Items.Select(r => r.Reference));
        Assert.Equal([b1, a2], store.FiledBetween(Filed.AddDays(1), Filed.AddDays(3)).Select(r => r.Reference).Order());
        Assert.Equal([a1, b1, a2], store.Fingerprints().OrderBy(f => f.Sequence).Select(f => f.Reference));
    }
}
