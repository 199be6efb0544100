using Cppcc.Bot.Audit;
using Cppcc.Bot.Storage;
using Cppcc.Bot.Storage.Postgres;
using Cppcc.Bot.Tests.Support;

namespace Cppcc.Bot.Tests.Audit;

/// <summary>The audit trail's hash chain on LiteDB and PostgreSQL: appended in order, and tampering is found.</summary>
public class AuditStoreContractTests
{
    [StoreTheory]
    public async Task Records_chain_in_order_across_a_restart_and_an_edit_behind_the_store_breaks_the_chain(StorageProvider provider)
    {
        await using var context = await StoreContext.CreateAsync(provider, PostgresAuditStore.Schema);
        var store = context.Store<IAuditStore, AuditStore, PostgresAuditStore>();
        store.Record("msteams:staff", "王干部", "report.transition", "SQ-2026-0001", "submitted", "accepted");
        context.Time.Advance(TimeSpan.FromMinutes(1));
        store.Record("msteams:staff", "王干部", "session.create", "HD-2026-0001", null, "集中学习");

        await context.ReopenAsync();
        var after = context.Store<IAuditStore, AuditStore, PostgresAuditStore>();
        after.Record("msteams:staff2", "", "broadcast.send", "TZ-2026-0001", "", null);

        Assert.Equal((3L, (long?)null), (after.Verify().Checked, after.Verify().BrokenAt));
        var latest = after.Latest(2);
        Assert.Equal([3L, 2L], latest.Select(e => e.Sequence));
        Assert.Equal(("session.create", (string?)null, "集中学习"), (latest[1].Action, latest[1].Before, latest[1].After));
        Assert.Equal(context.Time.GetUtcNow(), latest[0].At);

        Tamper(context, id: 2, after: "改过的");
        Assert.Equal(2L, after.Verify().BrokenAt);
    }

    [StoreTheory]
    public async Task Records_appended_at_once_by_several_writers_form_one_unbroken_chain(StorageProvider provider)
    {
        await using var context = await StoreContext.CreateAsync(provider, PostgresAuditStore.Schema);
        var stores = context.Instances<IAuditStore, AuditStore, PostgresAuditStore>(3);

        // Each writer appends a run of records as fast as it can, all starting together.
        await Task.WhenAll(Enumerable.Range(0, 6).Select(writer => Task.Run(() =>
        {
            for (var i = 0; i < 20; i++)
            {
                stores[writer % stores.Count].Record("msteams:staff", "王干部", "export.download", $"file-{writer}-{i}", null, null);
            }
        })));

        Assert.Equal((120L, (long?)null), (stores[0].Verify().Checked, stores[0].Verify().BrokenAt));
    }

    private static void Tamper(StoreContext context, long id, string after)
    {
        if (context.Provider == StorageProvider.PostgreSql)
        {
            context.Postgres.Execute("UPDATE audit_trail SET after = $2 WHERE id = $1", id, after);
            return;
        }

        var records = context.LiteDb.GetCollection("audit_trail");
        var record = records.FindById(id);
        record["After"] = after;
        records.Update(record);
    }
}
