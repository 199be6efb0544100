using Cppcc.Bot.Reports;
using Cppcc.Bot.Storage;
using Cppcc.Bot.Tests.Support;

namespace Cppcc.Bot.Tests.Reports;

/// <summary>Members' sectors on LiteDB and PostgreSQL.</summary>
public class MemberSectorStoreTests
{
    [StoreTheory]
    public async Task A_sector_is_set_replaced_and_listed_and_survives_a_restart(StorageProvider provider)
    {
        await using var context = await StoreContext.CreateAsync(provider, PostgresMemberSectorStore.Schema);
        var store = context.Store<IMemberSectorStore, MemberSectorStore, PostgresMemberSectorStore>();
        store.Set("msteams:aad-1", "民盟", "msteams:staff");
        store.Set("msteams:aad-2", "教育", "msteams:staff");
        store.Set("msteams:aad-1", "民革", "msteams:staff");

        await context.ReopenAsync();
        var after = context.Store<IMemberSectorStore, MemberSectorStore, PostgresMemberSectorStore>();

        Assert.Equal("民革", after.Find("msteams:aad-1"));
        Assert.Null(after.Find("msteams:nobody"));
        Assert.Equal(new Dictionary<string, string> { ["msteams:aad-1"] = "民革", ["msteams:aad-2"] = "教育" }, after.All());
    }
}
