using Cppcc.Bot.Roles;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.Tests.Roles;

/// <summary>A listed staff id makes staff only on Teams and the Emulator: elsewhere the client may pick its own <c>from</c>.</summary>
public sealed class CallerResolverTests
{
    private static readonly CallerResolver Resolver = new(
        new StaticOptions(new StaffOptions { UserIds = ["aad-staff"] }), new ConfigurationBuilder().Build());

    [Theory]
    [InlineData("msteams", Role.Staff)]
    [InlineData("emulator", Role.Staff)]
    [InlineData("webchat", Role.Public)]
    [InlineData("directline", Role.Public)]
    [InlineData("directlinespeech", Role.Public)]
    [InlineData("slack", Role.Public)]
    [InlineData("test", Role.Public)]
    [InlineData("MSTEAMS", Role.Public)]
    [InlineData("msteams ", Role.Public)]
    [InlineData("", Role.Public)]
    public void A_listed_id_is_staff_only_on_a_channel_that_vouches_for_it(string channel, Role expected)
    {
        var activity = new Activity(ActivityTypes.Message)
        {
            ChannelId = channel,
            From = new ChannelAccount("29:staff", "王干事", aadObjectId: "aad-staff"),
            Conversation = new ConversationAccount(id: "a:1"),
        };

        Assert.Equal(expected, Resolver.Resolve(activity).Role);
    }

    [Fact]
    public void An_unlisted_teams_user_is_a_member()
    {
        var activity = new Activity(ActivityTypes.Message)
        {
            ChannelId = "msteams",
            From = new ChannelAccount("29:m", "张委员", aadObjectId: "aad-member"),
            Conversation = new ConversationAccount(id: "a:1"),
        };

        Assert.Equal(Role.Member, Resolver.Resolve(activity).Role);
    }

    private sealed class StaticOptions(StaffOptions value) : IOptionsMonitor<StaffOptions>
    {
        public StaffOptions CurrentValue => value;

        public StaffOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<StaffOptions, string?> listener) => null;
    }
}
