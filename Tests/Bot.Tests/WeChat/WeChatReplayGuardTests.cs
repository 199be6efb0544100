using Cppcc.Bot.WeChat;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Cppcc.Bot.Tests.WeChat;

/// <summary>Timestamps of every shape: only one within the tolerance of our clock is fresh, and none throws.</summary>
public sealed class WeChatReplayGuardTests
{
    private static readonly FakeTimeProvider Time = new(new DateTimeOffset(2026, 12, 6, 10, 0, 0, TimeSpan.Zero));
    private static readonly IOptions<WeChatOptions> Settings = Options.Create(new WeChatOptions());
    private static readonly WeChatReplayGuard Guard = new(
        new WeChatMessageLedger(new WeChatCallbackStore(new LiteDB.LiteDatabase(new MemoryStream())), Settings, Time), Settings, Time);

    [Theory]
    [InlineData("-9223372036854775808")]
    [InlineData("9223372036854775807")]
    [InlineData("0")]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData(null)]
    public void A_timestamp_far_off_or_not_a_number_is_stale(string? timestamp) => Assert.False(Guard.IsFresh(timestamp));

    [Fact]
    public void Now_is_fresh() => Assert.True(Guard.IsFresh(Time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
}
