using Cppcc.Dialogs.Root;

namespace Cppcc.Dialogs.Tests.Root;

public class UserKeyTests
{
    [Theory]
    [InlineData("msteams", "aad-1", "msteams:aad-1")]
    [InlineData("msteams", "29:1abc", "msteams:29:1abc")]
    [InlineData("wechat", "oUser1", "wechat:oUser1")]
    public void A_key_is_stored_as_channel_colon_id_and_reads_back_the_same(string channel, string id, string stored)
    {
        var key = UserKey.For(channel, id);

        Assert.Equal(stored, key.ToString());
        Assert.True(UserKey.TryParse(stored, out var read));
        Assert.Equal((channel, id), (read.Channel, read.Id));
        Assert.Equal(key, read);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("aad-1")]
    [InlineData(":aad-1")]
    public void Text_without_a_channel_is_not_a_key(string? text)
    {
        Assert.False(UserKey.TryParse(text, out _));
        Assert.Throws<FormatException>(() => UserKey.Parse(text ?? ""));
    }

    [Fact]
    public void A_caller_built_from_a_stored_key_keeps_its_text_and_its_parts()
    {
        var caller = new Caller("msteams:29:1abc", "张委员", Role.Member);

        Assert.Equal("msteams:29:1abc", caller.UserKey);
        Assert.True(caller.Key.IsOn("MSTeams"));
        Assert.Equal("29:1abc", caller.Key.Id);
    }
}
