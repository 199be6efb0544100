using System.Text.Json;
using System.Text.RegularExpressions;
using Cppcc.Bot.Tests.Support;
using Cppcc.Bot.Tests.WebChat;
using Microsoft.AspNetCore.Http;

namespace Cppcc.Bot.Tests.Reports;

/// <summary>
/// <c>查询 &lt;ref&gt; &lt;code&gt;</c> guessing: limited per address and per user (members too), and a refusal reads
/// exactly like a wrong code, so a guesser cannot tell that the limit, not the code, said no.
/// </summary>
public sealed partial class StatusGuessLimitTests : IDisposable
{
    private const string NotFound = "没有找到该编号的信息，或查询码不正确";
    private const string Shown = "状态：待审核";

    // Members are never told about access codes, so their "not found" says nothing of a code.
    private const string MemberNotFound = "没有找到该编号的信息，或它不是您提交的";
    private const string ShownInCard = "待审核";

    private readonly TempDatabase _db = new();

    [Fact]
    public async Task Guesses_from_new_conversations_of_one_address_are_limited_and_the_refusal_reads_like_a_wrong_code()
    {
        await using var host = new WebChatHost(("Reports:PublicQueryLimit", "3"));
        var (reference, code) = await FileSuggestionAsync(AddressedClient.From(host, "192.0.2.1"));
        var guesser = AddressedClient.From(host, "203.0.113.9");

        var wrong = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            // A new conversation, so a new web chat user id, for every guess.
            wrong.Add(Text(await guesser.ExchangeAsync(await guesser.StartAsync(), Message($"查询 {reference} WRONG00{i}"))));
        }

        var rightButRefused = Text(await guesser.ExchangeAsync(await guesser.StartAsync(), Message($"查询 {reference} {code}")));
        var otherAddress = AddressedClient.From(host, "192.0.2.77");
        var elsewhere = await otherAddress.ExchangeAsync(await otherAddress.StartAsync(), Message($"查询 {reference} {code}"));
        host.Time.Advance(TimeSpan.FromMinutes(10));
        var afterTheWindow = await guesser.ExchangeAsync(await guesser.StartAsync(), Message($"查询 {reference} {code}"));

        Assert.All(wrong, reply => Assert.Contains(NotFound, reply));
        Assert.Equal(wrong[0], rightButRefused);
        Assert.Contains(ShownInCard, string.Concat(elsewhere));
        Assert.Contains(ShownInCard, string.Concat(afterTheWindow));
    }

    [Fact]
    public async Task Member_guesses_are_limited_but_looking_at_ones_own_report_is_not()
    {
        using var bot = new ReportBot(_db, settings: new Dictionary<string, string?> { ["Reports:PublicQueryLimit"] = "3" });
        var own = ReportBot.Reference(await bot.Member("", ReportBot.Submit("report", "学校门口交通拥堵", "早晚高峰车辆占道。")));
        var suggestion = ReportBot.Read(await bot.Public("", ReportBot.Submit("suggestion", "路灯不亮", "和平路路灯坏了。", "城乡建设", anonymous: true)));
        var match = SuggestionFiled().Match(suggestion);
        var (reference, code) = (match.Groups[1].Value, match.Groups[2].Value);

        for (var i = 0; i < 5; i++)
        {
            Assert.Contains(Shown, ReportBot.Read(await bot.Member("查询 " + own)));
        }

        var wrong = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            wrong.Add(ReportBot.Read(await bot.Member($"查询 {reference} WRONG00{i}")));
        }

        var rightButRefused = ReportBot.Read(await bot.Member($"查询 {reference} {code}"));

        Assert.All(wrong, reply => Assert.Contains(MemberNotFound, reply));
        Assert.Equal(wrong[0], rightButRefused);
        Assert.Contains(Shown, ReportBot.Read(await bot.Member($"查询 {reference} {code}", user: "m2")));
    }

    [Fact]
    public async Task With_Azure_Direct_Line_guesses_count_against_the_address_that_asked_for_the_tokens()
    {
        var userIds = new System.Collections.Concurrent.ConcurrentQueue<string>();
        // Plays Azure's tokens/generate: notes the user id the bot asks for, as Azure binds the token to it.
        await using var azure = await LoopbackServer.StartAsync(async context =>
        {
            var body = await JsonDocument.ParseAsync(context.Request.Body);
            userIds.Enqueue(body.RootElement.GetProperty("user").GetProperty("id").GetString()!);
            await context.Response.WriteAsJsonAsync(new { conversationId = "azure-" + userIds.Count, token = "t", expires_in = 3600 });
        });
        await using var host = new WebChatHost(("WebChat:DirectLineSecret", "secret"), ("WebChat:DirectLineEndpoint", azure.Address + "/v3/directline"),
            ("Reports:PublicQueryLimit", "3"));
        var page = AddressedClient.From(host, "203.0.113.9");
        for (var i = 0; i < 4; i++)
        {
            await page.GenerateAsync();
        }

        using var http = host.Factory.CreateClient();
        var visitors = userIds.ToArray();
        var filed = ReportBot.Read(await BotFactory.SendAsync(http, ThroughAzure("dl_owner", "", ReportBot.Submit("suggestion", "路灯不亮", "和平路路灯坏了。", "城乡建设", anonymous: true))));
        var match = SuggestionFiled().Match(filed);
        var (reference, code) = (match.Groups[1].Value, match.Groups[2].Value);

        var wrong = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            wrong.Add(ReportBot.Read(await BotFactory.SendAsync(http, ThroughAzure(visitors[i], $"查询 {reference} WRONG00{i}"))));
        }

        var rightButRefused = ReportBot.Read(await BotFactory.SendAsync(http, ThroughAzure(visitors[3], $"查询 {reference} {code}")));
        var owner = ReportBot.Read(await BotFactory.SendAsync(http, ThroughAzure("dl_owner", $"查询 {reference} {code}")));

        Assert.Equal(4, visitors.Length);
        Assert.All(wrong, reply => Assert.Contains(NotFound, reply));
        Assert.Equal(wrong[0], rightButRefused);
        Assert.Contains(Shown, owner);
    }

    public void Dispose() => _db.Dispose();

    /// <summary>A visitor's message as Azure's Direct Line relays it to /api/messages.</summary>
    private static Newtonsoft.Json.Linq.JObject ThroughAzure(string userId, string text, Newtonsoft.Json.Linq.JObject? value = null)
    {
        var activity = new Newtonsoft.Json.Linq.JObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = "directline",
            ["serviceUrl"] = "http://127.0.0.1:9/",
            ["locale"] = "zh-CN",
            ["from"] = new Newtonsoft.Json.Linq.JObject { ["id"] = userId },
            ["recipient"] = new Newtonsoft.Json.Linq.JObject { ["id"] = "bot" },
            ["conversation"] = new Newtonsoft.Json.Linq.JObject { ["id"] = "azure-" + userId },
            ["text"] = text,
        };
        if (value is not null)
        {
            activity["value"] = value;
        }

        return activity;
    }

    private static async Task<(string Reference, string Code)> FileSuggestionAsync(DirectLineClient visitor)
    {
        var submit = new Dictionary<string, string>
        {
            ["action"] = "report.submit",
            ["kind"] = "suggestion",
            ["title"] = "路灯不亮",
            ["category"] = "城乡建设",
            ["content"] = "和平路路灯坏了。",
            ["anonymous"] = "true",
        };
        var replies = string.Concat(await visitor.ExchangeAsync(await visitor.StartAsync(), new { type = "message", value = submit }));
        var match = SuggestionFiled().Match(replies);
        Assert.True(match.Success, replies);
        return (match.Groups[1].Value, match.Groups[2].Value);
    }

    private static object Message(string text) => new { type = "message", text };

    private static string Text(string[] replies) =>
        string.Join("\n", replies.Select(r => JsonDocument.Parse(r).RootElement.TryGetProperty("text", out var t) ? t.GetString() : ""));

    [GeneratedRegex(@"编号 (JY-\d{4}-\d{6})，查询码 (\w{8})")]
    private static partial Regex SuggestionFiled();
}
