using System.Text;
using Cppcc.Bot.Tests.Reports;
using Cppcc.Bot.Tests.Support;
using Cppcc.Bot.WeChat;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Cppcc.Bot.Tests.WeChat;

/// <summary>Retries, late answers, the 48-hour window, access tokens and long texts, against the API stub.</summary>
public sealed class WeChatDeliveryTests
{
    private const string User = "oDeliveryUser01";

    [Fact]
    public async Task A_message_wechat_retries_is_processed_once()
    {
        await using var host = await WeChatHost.StartAsync();
        await host.SayAsync(User, "建议");
        var category = WeChatCallbacks.TextXml(User, "2", 9001);

        var first = await host.SendAsync(category, User);
        var second = await host.SendAsync(category, User);
        var third = await host.SendAsync(category, User);
        var next = await host.SayAsync(User, "路灯坏了");

        Assert.Contains("标题", first);
        Assert.Null(second);
        Assert.Null(third);
        // Had a retry run again, "2" would have become the title and this would ask for the location instead.
        Assert.Contains("请写下您的建议", next);
    }

    [Fact]
    public async Task An_answer_later_than_the_window_comes_as_a_customer_service_message()
    {
        await using var host = await WeChatHost.StartAsync(settings: new Dictionary<string, string?> { ["WeChat:PassiveReplyWindow"] = "00:00:00.100" },
            services: s =>
            {
                // The real bot, slowed down for one text: stands for a slow answer (e.g. a generative one).
                s.AddSingleton<Cppcc.Dialogs.Root.CppccBot>();
                s.AddSingleton<IBot>(sp => new SlowBot(sp.GetRequiredService<Cppcc.Dialogs.Root.CppccBot>(), "慢一点", TimeSpan.FromSeconds(1)));
            });

        var passive = await host.SayAsync(User, "慢一点");
        var late = await host.CustomerServiceAsync(1);

        Assert.Null(passive);
        Assert.Equal(User, Assert.Single(late).OpenId);
        Assert.False(string.IsNullOrWhiteSpace(late[0].Content));
    }

    [Fact]
    public async Task A_token_refused_mid_send_is_renewed_and_the_message_sent_once()
    {
        await using var host = await WeChatHost.StartAsync();
        await host.SayAsync(User, "你好");
        var sender = host.Services.GetRequiredService<WeChatSender>();
        await sender.SendAsync(User, "第一条", CancellationToken.None);

        host.Api.ExpireTokens();
        await sender.SendAsync(User, "第二条", CancellationToken.None);

        Assert.Equal(["第一条", "第二条"], host.Api.CustomerService.Select(m => m.Content));
        Assert.Equal(1, host.Api.RefusedTokenCalls);
        Assert.Equal(2, host.Api.TokensIssued);
    }

    [Fact]
    public async Task Outside_the_48_hour_window_the_notice_goes_as_a_subscription_message()
    {
        await using var host = await WeChatHost.StartAsync(settings: new Dictionary<string, string?> { ["WeChat:SubscribeTemplateId"] = "tmpl-status-1" });
        var reference = await FileAnonymousAsync(host);
        host.Services.GetRequiredService<IWeChatUserStore>().Touch(User, DateTimeOffset.UtcNow.AddHours(-49));

        await host.Bot.Staff("", ReportBot.Transition(reference, "accepted"));
        var sent = Assert.Single(await host.SubscriptionsAsync(1));

        Assert.Equal("tmpl-status-1", (string)sent["template_id"]!);
        Assert.Equal(User, (string)sent["touser"]!);
        Assert.Equal(reference, (string)sent["data"]!["character_string1"]!["value"]!);
        Assert.True(((string)sent["data"]!["thing2"]!["value"]!).Length <= 20);
        Assert.Empty(host.Api.CustomerService);
    }

    [Fact]
    public async Task A_notice_that_cannot_be_delivered_is_shown_at_the_next_query()
    {
        await using var host = await WeChatHost.StartAsync();
        var reference = await FileAnonymousAsync(host);
        // WeChat says the window is closed (45015) and there is no subscription template.
        host.Api.FailNextSends(45015);

        await host.Bot.Staff("", ReportBot.Transition(reference, "accepted"));
        await WaitForAsync(() => host.Api.Calls("/cgi-bin/message/custom/send").Count >= 1);
        await host.Bot.Factory.DeliveryIdleAsync(); // the refused send's outcome is recorded
        var next = await host.SayAsync(User, "查询");
        var after = await host.SayAsync(User, "查询");

        Assert.Contains("未送达的通知", next);
        Assert.Contains(reference, next);
        Assert.Contains("已通过", next);
        Assert.DoesNotContain("未送达的通知", after);
    }

    [Fact]
    public async Task A_long_answer_is_split_within_wechats_byte_limit()
    {
        await using var host = await WeChatHost.StartAsync();
        await host.SayAsync(User, "你好");
        var text = string.Join("\n", Enumerable.Range(1, 120).Select(i => $"第{i}行：区政协委员联系群众的工作安排说明"));

        await host.Services.GetRequiredService<WeChatSender>().SendAsync(User, text, CancellationToken.None);
        var parts = host.Api.CustomerService.Select(m => m.Content).ToList();

        Assert.True(parts.Count >= 3, $"{parts.Count} parts");
        Assert.All(parts, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= 2048, $"{Encoding.UTF8.GetByteCount(p)} bytes"));
        Assert.Equal(text.Replace("\n", ""), string.Concat(parts).Replace("\n", ""));
    }

    [Fact]
    public async Task A_long_passive_answer_sends_the_rest_as_customer_service_messages()
    {
        using var database = new TempDatabase();
        var kb = Path.Combine(database.Folder, "kb");
        Directory.CreateDirectory(kb);
        var answer = string.Join("\n\n", Enumerable.Range(1, 40).Select(i => $"第{i}条：区政协委员联系群众、收集社情民意的具体做法说明。"));
        File.WriteAllText(Path.Combine(kb, "long.yaml"), $"""
            - id: long-answer
              questions:
                - 委员怎样联系群众？
              answer: |
            {string.Join("\n", answer.Split('\n').Select(l => "    " + l))}
              audience: public
            """);
        await using var host = await WeChatHost.StartAsync(database: database, settings: new Dictionary<string, string?> { ["KnowledgeBase:Path"] = kb });

        var passive = await host.SayAsync(User, "委员怎样联系群众？");
        var rest = await host.CustomerServiceAsync(1);

        Assert.True(Encoding.UTF8.GetByteCount(passive!) <= 2048, $"{Encoding.UTF8.GetByteCount(passive!)} bytes");
        Assert.Contains("第1条", passive);
        Assert.NotEmpty(rest);
        Assert.Contains("第40条", string.Concat(rest.Select(r => r.Content)));
        Assert.DoesNotContain("第40条", passive);
    }

    [Fact]
    public async Task Without_its_settings_the_channel_is_off()
    {
        using var database = new TempDatabase();
        using var factory = new BotFactory(database);
        using var http = factory.CreateClient();

        using var response = await http.PostAsync("/api/wechat?signature=x&timestamp=1&nonce=1", new StringContent("<xml/>"));

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Half_a_configuration_stops_the_start_in_one_line()
    {
        using var database = new TempDatabase();
        await using var bot = BotProcess.Start(database.FilePath, environment: new Dictionary<string, string> { ["WeChat__AppId"] = "wx1", ["WeChat__Token"] = "t" });

        var exit = await bot.ExitCodeAsync(TimeSpan.FromSeconds(60));

        Assert.True(exit == 78, $"exit {exit}: {bot.Describe()}");
        Assert.Contains("WeChat:AppId, WeChat:AppSecret and WeChat:Token", Assert.Single(bot.Stderr));
    }

    private static async Task<string> FileAnonymousAsync(WeChatHost host)
    {
        foreach (var text in new[] { "建议", "2", "小区门口路灯坏了", "幸福路12号小区门口的路灯坏了一个月。", "无", "1" })
        {
            await host.SayAsync(User, text);
        }

        var filed = await host.SayAsync(User, "1");
        return System.Text.RegularExpressions.Regex.Match(filed!, @"JY-\d{4}-\d{6}").Value;
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(50);
        }
    }

    private sealed class SlowBot(IBot inner, string text, TimeSpan delay) : IBot
    {
        public async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
        {
            if (turnContext.Activity.Text == text)
            {
                await Task.Delay(delay, cancellationToken);
            }

            await inner.OnTurnAsync(turnContext, cancellationToken);
        }
    }
}
