using Cppcc.Bot.Storage;
using Cppcc.Bot.Tests.Support;

namespace Cppcc.Bot.Tests.Storage;

public class SigningKeyStoreTests : IDisposable
{
    private readonly TempDatabase _file = new();

    [Fact]
    public void A_key_survives_a_restart_and_each_purpose_has_its_own()
    {
        byte[] links, tokens;
        using (var db = _file.Open())
        {
            var store = new SigningKeyStore(db);
            links = store.GetOrCreate("export-links", 32);
            tokens = store.GetOrCreate("directline-token", 32);
            Assert.Equal(links, store.GetOrCreate("export-links", 32));
        }

        using var reopened = _file.Open();
        var after = new SigningKeyStore(reopened);
        Assert.Equal(links, after.GetOrCreate("export-links", 32));
        Assert.Equal(tokens, after.GetOrCreate("directline-token", 32));
        Assert.NotEqual(links, tokens);
        Assert.Equal(32, links.Length);
    }

    public void Dispose() => _file.Dispose();
}
