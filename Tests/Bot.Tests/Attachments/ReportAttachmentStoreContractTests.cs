using Cppcc.Bot.Attachments;
using Cppcc.Bot.Storage;
using Cppcc.Bot.Tests.Support;

namespace Cppcc.Bot.Tests.Attachments;

/// <summary>The files kept with reports behave the same on LiteDB and PostgreSQL, and the per-report limit holds across instances.</summary>
public class ReportAttachmentStoreContractTests
{
    private const int Max = 5;
    private static readonly DateTime Now = new(2026, 12, 1, 9, 0, 0, DateTimeKind.Utc);

    private static Task<StoreContext> OpenAsync(StorageProvider provider)
        => StoreContext.CreateAsync(provider, PostgresReportAttachmentStore.Schema);

    private static IReportAttachmentStore Store(StoreContext context)
        => context.Store<IReportAttachmentStore, ReportAttachmentStore, PostgresReportAttachmentStore>();

    private static StoredAttachment File(string reference, string id, int length = 3) => new()
    {
        Id = id,
        Reference = reference,
        OwnerKey = "msteams:aad-1",
        FileName = id.Split('/')[^1] + ".pdf",
        ContentType = "application/pdf",
        Length = length,
        ReceivedAt = Now,
    };

    [StoreTheory]
    public async Task Files_read_back_with_their_bytes_in_order_and_the_sixth_is_refused(StorageProvider provider)
    {
        await using var context = await OpenAsync(provider);
        var store = Store(context);
        for (var i = 1; i <= Max; i++)
        {
            Assert.True(store.TryAdd(File("SQ-2026-000001", $"report/SQ-2026-000001/{i}"), [(byte)i, 2, 3], Max));
        }

        Assert.True(store.TryAdd(File("SQ-2026-000002", "report/SQ-2026-000002/1"), [9], Max));
        Assert.False(store.TryAdd(File("SQ-2026-000001", "report/SQ-2026-000001/6"), [6], Max));

        await context.ReopenAsync();
        var after = Store(context);
        var files = after.For("SQ-2026-000001");
        Assert.Equal([1, 2, 3, 4, 5], files.Select(f => f.Number));
        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"report/SQ-2026-000001/{i}"), files.Select(f => f.Id));
        Assert.Null(after.Open("report/SQ-2026-000001/6"));
        Assert.Empty(after.For("SQ-2026-000003"));

        var (attachment, bytes) = after.Open("report/SQ-2026-000001/2")!.Value;
        Assert.Equal(new byte[] { 2, 2, 3 }, bytes);
        Assert.Equal(("SQ-2026-000001", "msteams:aad-1", "2.pdf", "application/pdf", 2, 3L, Now),
            (attachment.Reference, attachment.OwnerKey, attachment.FileName, attachment.ContentType, attachment.Number, attachment.Length,
                attachment.ReceivedAt.ToUniversalTime()));
        Assert.Equal(1, after.For("SQ-2026-000002").Single().Number);
    }

    [StoreTheory]
    public async Task Many_adders_at_once_on_several_instances_never_pass_the_limit(StorageProvider provider)
    {
        await using var context = await OpenAsync(provider);
        var stores = context.Instances<IReportAttachmentStore, ReportAttachmentStore, PostgresReportAttachmentStore>(4);
        using var start = new Barrier(12);

        // Own threads (not pool ones) so all twelve reach the barrier together.
        var added = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            return stores[i % stores.Count].TryAdd(File("SQ-2026-000001", $"report/SQ-2026-000001/x{i}"), [(byte)i], Max);
        }, TaskCreationOptions.LongRunning)));

        Assert.Equal(Max, added.Count(a => a));
        Assert.Equal([1, 2, 3, 4, 5], stores[0].For("SQ-2026-000001").Select(f => f.Number));
    }
}
