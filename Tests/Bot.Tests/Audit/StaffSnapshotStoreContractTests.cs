using Cppcc.Bot.Audit;
using Cppcc.Bot.Roles;
using Cppcc.Bot.Storage;
using Cppcc.Bot.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.Tests.Audit;

/// <summary>
/// The staff list the role watcher compares with, on LiteDB and PostgreSQL: replaced only if unchanged, so instances
/// sharing one database record a change of staff rights once.
/// </summary>
public class StaffSnapshotStoreContractTests
{
    private static Task<StoreContext> OpenAsync(StorageProvider provider)
        => StoreContext.CreateAsync(provider, PostgresAuditStore.Schema, PostgresStaffSnapshotStore.Schema);

    private static IStaffSnapshotStore Store(StoreContext context)
        => context.Store<IStaffSnapshotStore, StaffSnapshotStore, PostgresStaffSnapshotStore>();

    private static HashSet<string> Ids(params string[] ids) => new(ids, StringComparer.OrdinalIgnoreCase);

    [StoreTheory]
    public async Task The_list_is_replaced_only_when_it_is_still_the_one_expected(StorageProvider provider)
    {
        await using var context = await OpenAsync(provider);
        var store = Store(context);
        Assert.Null(store.Load());

        Assert.True(store.TryReplace(null, Ids("aad-b", "aad-a")));
        Assert.False(store.TryReplace(null, Ids("aad-x")));
        Assert.False(store.TryReplace(Ids("aad-a"), Ids("aad-x")));

        await context.ReopenAsync();
        var after = Store(context);
        var saved = after.Load()!;
        Assert.True(saved.SetEquals(["aad-a", "aad-b"]));
        Assert.Contains("AAD-A", saved);

        // Ids compare ignoring case, as staff ids do everywhere.
        Assert.True(after.TryReplace(Ids("AAD-B", "aad-a"), Ids("aad-a", "aad-c")));
        Assert.False(after.TryReplace(Ids("aad-a", "aad-b"), Ids("aad-d")));
        Assert.True(after.Load()!.SetEquals(["aad-a", "aad-c"]));
    }

    [StoreTheory]
    public async Task A_change_seen_by_several_instances_at_once_is_recorded_once(StorageProvider provider)
    {
        await using var context = await OpenAsync(provider);
        var staff = new Staff(["aad-a"]);
        var trail = context.Store<IAuditStore, AuditStore, PostgresAuditStore>();
        // One watcher per instance, with that instance's store.
        var watchers = context.Instances<IStaffSnapshotStore, StaffSnapshotStore, PostgresStaffSnapshotStore>(4)
            .Select(store => new StaffRoleWatcher(staff, store, trail, context.Time, NullLogger<StaffRoleWatcher>.Instance))
            .ToList();
        watchers[0].Compare();

        staff.CurrentValue = new StaffOptions { UserIds = ["aad-b"] };
        using var start = new Barrier(8);
        // Own threads (not pool ones) so all eight reach the barrier together.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            watchers[i % watchers.Count].Compare();
        }, TaskCreationOptions.LongRunning)));

        Assert.Equal([("role.revoke", "aad-a"), ("role.grant", "aad-b")], trail.Latest(10).Select(e => (e.Action, e.Target)));
    }

    private sealed class Staff(List<string> ids) : IOptionsMonitor<StaffOptions>
    {
        public StaffOptions CurrentValue { get; set; } = new() { UserIds = ids };

        public StaffOptions Get(string? name) => CurrentValue;

        public IDisposable? OnChange(Action<StaffOptions, string?> listener) => null;
    }
}
