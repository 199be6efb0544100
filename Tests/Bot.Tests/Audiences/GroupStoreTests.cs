using Cppcc.Bot.Audiences;
using Cppcc.Bot.Storage;
using Cppcc.Bot.Tests.Support;

namespace Cppcc.Bot.Tests.Audiences;

/// <summary>Staff-kept groups on LiteDB and PostgreSQL.</summary>
public class GroupStoreTests
{
    [StoreTheory]
    public async Task Groups_are_saved_replaced_and_listed_by_kind_then_name(StorageProvider provider)
    {
        await using var context = await StoreContext.CreateAsync(provider, PostgresGroupStore.Schema);
        var store = context.Store<IGroupStore, GroupStore, PostgresGroupStore>();
        var at = new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.Zero);
        store.Save(new MemberGroup { Id = "文史委", Kind = "专委会", MemberKeys = ["msteams:a"], UpdatedBy = "msteams:staff", UpdatedAt = at });
        store.Save(new MemberGroup { Id = "民盟", Kind = "界别", MemberKeys = ["msteams:b", "msteams:c"], UpdatedBy = "msteams:staff", UpdatedAt = at });
        store.Save(new MemberGroup { Id = "教育", Kind = "界别", MemberKeys = [], UpdatedBy = "msteams:staff", UpdatedAt = at });
        store.Save(new MemberGroup { Id = "文史委", Kind = "专委会", MemberKeys = ["msteams:a", "msteams:d"], UpdatedBy = "msteams:staff2", UpdatedAt = at.AddHours(1) });

        var all = store.All();

        Assert.Equal(["文史委", "教育", "民盟"], all.Select(g => g.Id));
        var committee = store.Find("文史委")!;
        Assert.Equal(["msteams:a", "msteams:d"], committee.MemberKeys);
        Assert.Equal("msteams:staff2", committee.UpdatedBy);
        Assert.Equal(at.AddHours(1), committee.UpdatedAt);
        Assert.Empty(store.Find("教育")!.MemberKeys);
        Assert.Null(store.Find("无此组"));
    }
}
