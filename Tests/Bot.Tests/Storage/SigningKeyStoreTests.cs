using Cppcc.Bot.Storage;
using Cppcc.Bot.Storage.Postgres;
using Cppcc.Bot.Tests.Support;

namespace Cppcc.Bot.Tests.Storage;

/// <summary>Signing keys on LiteDB and PostgreSQL: kept across restarts, one per purpose, one for all callers.</summary>
public class SigningKeyStoreTests
{
    private static ISigningKeyStore StoreOf(StoreContext context) => context.Store<ISigningKeyStore, SigningKeyStore, PostgresSigningKeyStore>();

    [StoreTheory]
    public async Task A_key_survives_a_restart_and_each_purpose_has_its_own(StorageProvider provider)
    {
        await using var context = await StoreContext.CreateAsync(provider, PostgresSigningKeyStore.Schema);
        var store = StoreOf(context);
        var links = store.GetOrCreate("export-links", 32);
        var tokens = store.GetOrCreate("directline-token", 32);
        Assert.Equal(links, store.GetOrCreate("export-links", 32));

        await context.ReopenAsync();
        var after = StoreOf(context);
        Assert.Equal(links, after.GetOrCreate("export-links", 32));
        Assert.Equal(tokens, after.GetOrCreate("directline-token", 32));
        Assert.NotEqual(links, tokens);
        Assert.Equal(32, links.Length);
    }

    [StoreTheory]
    public async Task Callers_asking_at_once_for_a_new_key_all_get_the_same_one(StorageProvider provider)
    {
        await using var context = await StoreContext.CreateAsync(provider, PostgresSigningKeyStore.Schema);
        // One store object per caller, as two bot instances have.
        var stores = Enumerable.Range(0, 8).Select(_ => StoreOf(context)).ToList();

        var keys = await Task.WhenAll(stores.Select(s => Task.Run(() => s.GetOrCreate("directline-token", 32))));

        Assert.Single(keys.Select(Convert.ToHexString).Distinct());
    }
}
