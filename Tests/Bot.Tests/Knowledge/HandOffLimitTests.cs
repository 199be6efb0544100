using System.Text.Json;
using Cppcc.Bot.Tests.WebChat;

namespace Cppcc.Bot.Tests.Knowledge;

/// <summary>
/// Passing questions to staff (<c>kb.handoff</c>): every ticket is a card in every staff member's chat, so a visitor
/// gets a few per window, counted per visitor and per address.
/// </summary>
public sealed class HandOffLimitTests
{
    private const string HandedOff = "问题已记录（编号"; // no staff member is online in this host
    private const string TooOften = "转交的问题较多";

    [Fact]
    public async Task Eleven_hand_offs_in_a_row_are_cut_off_per_visitor_and_per_address()
    {
        await using var host = new WebChatHost(("WebChat:ConversationMessageBurst", "100"));
        var visitor = AddressedClient.From(host, "203.0.113.5");
        var conversation = await visitor.StartAsync();

        var replies = new List<string>();
        for (var i = 0; i < 11; i++)
        {
            replies.Add(Text(await visitor.ExchangeAsync(conversation, HandOff($"第{i}个问题：社区食堂怎么申请？"))));
        }

        var newConversation = Text(await visitor.ExchangeAsync(await visitor.StartAsync(), HandOff("换个对话再转交一次")));
        var neighbour = AddressedClient.From(host, "192.0.2.30");
        var otherAddress = Text(await neighbour.ExchangeAsync(await neighbour.StartAsync(), HandOff("另一位访客的问题")));
        host.Time.Advance(TimeSpan.FromMinutes(10));
        var afterTheWindow = Text(await visitor.ExchangeAsync(conversation, HandOff("十分钟后的问题")));

        Assert.Equal(5, replies.Count(r => r.Contains(HandedOff)));
        Assert.Equal(6, replies.Count(r => r.Contains(TooOften)));
        Assert.Contains(TooOften, newConversation);
        // Refused hand-offs opened no ticket: the next one is KB-6.
        Assert.Contains("KB-6", otherAddress);
        Assert.Contains("KB-7", afterTheWindow);
    }

    [Fact]
    public async Task Asking_about_an_open_ticket_again_does_not_use_up_the_limit()
    {
        await using var host = new WebChatHost(("WebChat:ConversationMessageBurst", "100"), ("KnowledgeBase:HandOffLimit", "2"));
        var visitor = AddressedClient.From(host, "203.0.113.6");
        var conversation = await visitor.StartAsync();

        for (var i = 0; i < 4; i++)
        {
            Assert.Contains("KB-1", Text(await visitor.ExchangeAsync(conversation, HandOff("同一个问题"))));
        }

        Assert.Contains("KB-2", Text(await visitor.ExchangeAsync(conversation, HandOff("另一个问题"))));
    }

    private static object HandOff(string question) => new { type = "message", value = new { action = "kb.handoff", question } };

    private static string Text(string[] replies) =>
        string.Join("\n", replies.Select(r => JsonDocument.Parse(r).RootElement.TryGetProperty("text", out var t) ? t.GetString() : ""));
}
