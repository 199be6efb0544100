using System.Text.RegularExpressions;
using Cppcc.Bot.Tests.Reports;
using Cppcc.Bot.WeChat;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Cppcc.Bot.Tests.WeChat;

/// <summary>
/// A WeChat user files a suggestion with an image over the wire format, in plain and in safe mode, staff accept it in
/// Teams, the status notice arrives as a customer-service message and 查询 shows the progress.
/// </summary>
public sealed partial class WeChatSuggestionFlowTests(ITestOutputHelper output)
{
    private const string User = "oCppccUser0001";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_suggestion_is_filed_with_an_image_notified_and_queried(bool safeMode)
    {
        await using var host = await WeChatHost.StartAsync(safeMode);
        var transcript = new Transcript(host, output);

        Assert.Contains("1. 提出建议", await transcript.EventAsync("subscribe"));
        Assert.Contains("2. 城乡建设", await transcript.SayAsync("1"));
        Assert.Contains("标题", await transcript.SayAsync("2"));
        Assert.Contains("建议", await transcript.SayAsync("小区门口路灯坏了"));
        Assert.Contains("地点", await transcript.SayAsync("幸福路12号小区门口的路灯坏了一个月，晚上很黑，老人出行不便。"));
        Assert.Contains("匿名", await transcript.SayAsync("幸福路12号"));
        Assert.Contains("已收到您的图片", await transcript.ImageAsync("media-1"));
        var summary = await transcript.SayAsync("1");
        Assert.Contains("小区门口路灯坏了", summary);
        Assert.Contains("1. 提交", summary);
        var filed = await transcript.SayAsync("1");
        var match = FiledPattern().Match(filed!);
        Assert.True(match.Success, filed);
        var (reference, code) = (match.Groups[1].Value, match.Groups[2].Value);
        Assert.Contains($"图片已附在您的建议 {reference} 中", filed);

        // The image went into the suggestion (downloaded through /cgi-bin/media/get); staff open it, the public cannot.
        var links = (await host.Bot.Staff($"微信图片 {reference}")).ToString();
        var url = UrlPattern().Match(links).Value;
        Assert.StartsWith("http", url);
        Assert.Equal(WeChatApiStub.Image, await host.Http.GetByteArrayAsync(new Uri(url).PathAndQuery));
        Assert.Equal(1, host.Api.MediaDownloads);
        Assert.Contains("没有使用此功能的权限", await host.SayAsync("oSomeoneElse", $"微信图片 {reference}"));

        await host.Bot.Staff("", ReportBot.Transition(reference, "accepted"));
        var notice = Assert.Single(await host.CustomerServiceAsync(1));
        transcript.Pushed(notice.Content);
        Assert.Equal(User, notice.OpenId);
        Assert.Contains(reference, notice.Content);
        Assert.Contains("已通过", notice.Content);

        var status = await transcript.SayAsync($"查询 {reference} {code}");
        Assert.Contains("小区门口路灯坏了", status);
        Assert.Contains("已通过", status);
        Assert.Contains("没有找到", await transcript.SayAsync($"查询 {reference} WRONGCODE"));
    }

    [Fact]
    public async Task The_menu_buttons_start_the_same_commands()
    {
        await using var host = await WeChatHost.StartAsync();

        var suggest = await host.SendAsync(WeChatCallbacks.EventXml(User, "CLICK", "CPPCC_SUGGEST"), User);
        var status = await host.SendAsync(WeChatCallbacks.EventXml("oOther", "CLICK", "CPPCC_STATUS"), "oOther");
        await host.Services.GetRequiredService<WeChatMenu>().PublishAsync(CancellationToken.None);

        Assert.Contains("请选择信息类别", suggest);
        Assert.Contains("查询 编号", status);
        var menu = Assert.Single(host.Api.Menus);
        Assert.Equal(["提出建议", "查询进度", "常见问题"], menu["button"]!.AsArray().Select(b => (string)b!["name"]!));
        Assert.All(menu["button"]!.AsArray(), b => Assert.Equal("click", (string)b!["type"]!));
    }

    [GeneratedRegex(@"https?://[^\s""]+/exports/[^\s""]+")]
    private static partial Regex UrlPattern();

    [GeneratedRegex(@"编号 (JY-\d{4}-\d{6})，查询码 (\w+)")]
    private static partial Regex FiledPattern();

    /// <summary>Talks as the user and writes what they would see to the test output.</summary>
    private sealed class Transcript(WeChatHost host, ITestOutputHelper output)
    {
        public Task<string?> SayAsync(string text) => LogAsync("用户：" + text, host.SayAsync(User, text));

        public Task<string?> EventAsync(string evt) => LogAsync("（关注公众号）", host.SendAsync(WeChatCallbacks.EventXml(User, evt), User));

        public Task<string?> ImageAsync(string mediaId) =>
            LogAsync("用户：［图片］", host.SendAsync(WeChatCallbacks.ImageXml(User, mediaId, host.Callbacks.NextMsgId()), User));

        public void Pushed(string text) => output.WriteLine($"公众号（客服消息）：{text}\n");

        private async Task<string?> LogAsync(string said, Task<string?> reply)
        {
            var text = await reply;
            output.WriteLine(said);
            output.WriteLine("公众号：" + (text ?? "（无回复）") + "\n");
            return text;
        }
    }
}
