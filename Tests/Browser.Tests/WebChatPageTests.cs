using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cppcc.Browser.Tests;

/// <summary>The public page as a visitor uses it: Chromium, a phone-sized screen, the real bot behind it.</summary>
public sealed partial class WebChatPageTests(WebChatPageFixture host) : IClassFixture<WebChatPageFixture>
{
    private static readonly string Artifacts = Path.Combine(WebChatPageFixture.RepositoryRoot, "artifacts");

    [ChromiumFact]
    public async Task Phone_visitor_asks_a_question_and_reads_the_answer()
    {
        var page = await OpenAsync();
        var requests = new List<string>();
        var console = new List<string>();
        page.Request += (_, r) => requests.Add(r.Url);
        page.Console += (_, m) => console.Add(m.Text);
        await page.GotoAsync(host.BaseUrl + "/");

        Assert.Equal("区政协在线服务 · 建议与咨询", await page.TitleAsync());
        Assert.Contains("联系电话", await page.Locator("footer").InnerTextAsync());
        var input = page.Locator("[data-id='webchat-sendbox-input']");
        Assert.Equal("键入消息", await input.GetAttributeAsync("placeholder"));
        await Expect(page.Locator(".ac-adaptiveCard", new() { HasText = "欢迎" })).ToBeVisibleAsync();

        await input.FillAsync(WebChatPageFixture.Question);
        await input.PressAsync("Enter");

        await Expect(BotSays(page, WebChatPageFixture.Answer)).ToBeVisibleAsync();
        Directory.CreateDirectory(Artifacts);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, "webchat-phone.png") });

        // Everything (page, bundle, Direct Line, WebSocket) came from the bot itself: no CDN, no Azure.
        var bot = new Uri(host.BaseUrl).Authority;
        Assert.All(requests.Where(url => !url.StartsWith("blob:", StringComparison.Ordinal)), url => Assert.Equal(bot, new Uri(url).Authority));
        Assert.DoesNotContain(console, line => line.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || line.Contains("Failed to load"));
    }

    [ChromiumFact]
    public async Task Html_in_an_answer_is_shown_as_text_never_as_live_elements()
    {
        var page = await OpenAsync();
        var console = new List<string>();
        page.Console += (_, m) => console.Add(m.Text);
        await page.GotoAsync(host.BaseUrl + "/");
        await Expect(page.Locator(".ac-adaptiveCard", new() { HasText = "欢迎" })).ToBeVisibleAsync();

        await SayAsync(page, WebChatPageFixture.HtmlQuestion);

        var answer = BotSays(page, "证件");
        await Expect(answer).ToContainTextAsync("<b>请带好</b>证件。<img src=");
        Assert.Equal(0, await answer.Locator("b, img[onerror]").CountAsync());
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__answerHtml"));
        Assert.DoesNotContain(console, line => line.Contains("inline event handler", StringComparison.OrdinalIgnoreCase));
    }

    [ChromiumFact]
    public async Task A_visitor_whose_input_method_slipped_still_gets_the_answer()
    {
        // "社情明意" for 社情民意: the pinyin an input method matches is the same, the character is not.
        var page = await OpenAsync();
        await page.GotoAsync(host.BaseUrl + "/");
        await Expect(page.Locator(".ac-adaptiveCard", new() { HasText = "欢迎" })).ToBeVisibleAsync();

        await SayAsync(page, "社情明意是什么");

        await Expect(BotSays(page, "是委员把在工作和生活中了解到的")).ToBeVisibleAsync();
        Directory.CreateDirectory(Artifacts);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, "webchat-homophone.png") });
    }

    [ChromiumFact]
    public async Task Reloading_the_page_keeps_the_conversation()
    {
        var page = await OpenAsync();
        await page.GotoAsync(host.BaseUrl + "/");
        var input = page.Locator("[data-id='webchat-sendbox-input']");
        await Expect(page.Locator(".ac-adaptiveCard", new() { HasText = "欢迎" })).ToBeVisibleAsync();
        await input.FillAsync(WebChatPageFixture.Question);
        await input.PressAsync("Enter");
        await Expect(BotSays(page, WebChatPageFixture.Answer)).ToBeVisibleAsync();

        await page.ReloadAsync();

        await Expect(BotSays(page, WebChatPageFixture.Answer)).ToBeVisibleAsync();
        Assert.Equal(1, await page.Locator(".ac-adaptiveCard", new() { HasText = "欢迎" }).CountAsync());
    }

    [ChromiumFact]
    public async Task Menu_card_buttons_work_in_the_page()
    {
        var page = await OpenAsync();
        await page.GotoAsync(host.BaseUrl + "/");
        var input = page.Locator("[data-id='webchat-sendbox-input']");
        await Expect(page.Locator(".ac-adaptiveCard", new() { HasText = "欢迎" })).ToBeVisibleAsync();

        await input.FillAsync("菜单");
        await input.PressAsync("Enter");

        await Expect(page.Locator(".ac-adaptiveCard", new() { HasText = "主菜单" })).ToBeVisibleAsync();
    }

    [ChromiumFact]
    public async Task Visitor_files_a_suggestion_and_checks_it_with_the_access_code()
    {
        var page = await OpenAsync();
        await page.GotoAsync(host.BaseUrl + "/");
        await Expect(page.Locator(".ac-adaptiveCard", new() { HasText = "欢迎" })).ToBeVisibleAsync();

        await SayAsync(page, "建议");
        await Expect(BotSays(page, "请选择信息类别")).ToBeVisibleAsync();
        await page.Locator(".webchat__suggested-actions__button").First.ClickAsync();
        await AnswerAsync(page, "请输入标题", "幸福路小区门口路灯不亮");
        await AnswerAsync(page, "请写下您的建议", "幸福路12号小区门口两盏路灯坏了一个多月，晚上老人孩子出行不便，建议尽快修复并定期巡查。");
        await AnswerAsync(page, "涉及的地点", "无");
        await Expect(BotSays(page, "是否匿名提交")).ToBeVisibleAsync();
        await page.Locator(".webchat__suggested-actions__button", new() { HasText = "否" }).ClickAsync();
        await AnswerAsync(page, "请留下您的称呼", "王女士");
        await AnswerAsync(page, "请留下联系电话", "13800138000");
        await Expect(BotSays(page, "确认提交吗")).ToBeVisibleAsync();
        await page.Locator(".webchat__suggested-actions__button", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^提交$") }).ClickAsync();

        var receipt = BotSays(page, "已提交，编号");
        await Expect(receipt).ToBeVisibleAsync();
        var filed = Receipt().Match(await receipt.InnerTextAsync());
        Assert.True(filed.Success, await receipt.InnerTextAsync());
        var (reference, code) = (filed.Groups[1].Value, filed.Groups[2].Value);
        await SayAsync(page, $"查询 {reference} {code}");

        await Expect(BotSays(page, "状态：")).ToContainTextAsync(reference);

        // Staff accept it in Teams: the visitor's open page is told (a proactive message through the embedded channel).
        using var teams = new HttpClient();
        using var accepted = await teams.PostAsJsonAsync(host.BaseUrl + "/api/messages", new
        {
            type = "message",
            id = "staff-turn-1",
            channelId = "msteams",
            serviceUrl = "http://127.0.0.1:9/",
            deliveryMode = "expectReplies",
            from = new { id = "29:staff-1", aadObjectId = WebChatPageFixture.StaffAadObjectId, name = "机关干部" },
            recipient = new { id = "28:bot" },
            locale = "zh-CN",
            conversation = new { id = "a:staff-personal", conversationType = "personal", tenantId = "tenant-1" },
            value = new { action = "report.transition", @ref = reference, to = "accepted" },
        });
        Assert.True(accepted.IsSuccessStatusCode);
        await Expect(BotSays(page, "状态已更新")).ToContainTextAsync(reference);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, "webchat-suggestion.png") });
    }

    [ChromiumFact]
    public async Task Visitor_attaches_a_photo_to_the_suggestion_with_the_upload_button()
    {
        var page = await OpenAsync();
        await page.GotoAsync(host.BaseUrl + "/");
        await Expect(page.Locator(".ac-adaptiveCard", new() { HasText = "欢迎" })).ToBeVisibleAsync();
        await SayAsync(page, "建议");
        await Expect(BotSays(page, "请选择信息类别")).ToBeVisibleAsync();
        await page.Locator(".webchat__suggested-actions__button").First.ClickAsync();
        await AnswerAsync(page, "请输入标题", "和平路人行道地砖破损");
        await AnswerAsync(page, "请写下您的建议", "和平路8号门前人行道地砖破损翘起，已有老人绊倒，建议尽快修复。");
        await AnswerAsync(page, "涉及的地点", "和平路8号");
        await Expect(BotSays(page, "是否匿名提交")).ToBeVisibleAsync();
        await page.Locator(".webchat__suggested-actions__button", new() { HasText = "是" }).First.ClickAsync();
        await Expect(BotSays(page, "确认提交吗")).ToBeVisibleAsync();
        await page.Locator(".webchat__suggested-actions__button", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^提交$") }).ClickAsync();
        var receipt = BotSays(page, "已提交，编号");
        await Expect(receipt).ToBeVisibleAsync();
        var reference = Receipt().Match(await receipt.InnerTextAsync()).Groups[1].Value;
        Assert.StartsWith("JY-", reference);

        // A photo (PNG bytes) and a text file dressed up as a PDF, through the page's own upload button: pick, then send.
        var folder = Directory.CreateTempSubdirectory("webchat-upload-");
        var photo = Path.Combine(folder.FullName, "破损地砖.png");
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 7, 7, 7];
        await File.WriteAllBytesAsync(photo, png);
        await page.Locator("input[type=file]").SetInputFilesAsync(photo);
        await page.Locator(".webchat__send-button").ClickAsync();
        await Expect(BotSays(page, "已附加")).ToContainTextAsync($"已附加“破损地砖.png”到 {reference}（第 1/5 个）");

        var fake = Path.Combine(folder.FullName, "说明.pdf");
        await File.WriteAllTextAsync(fake, "这不是 PDF");
        await page.Locator("input[type=file]").SetInputFilesAsync(fake);
        await page.Locator(".webchat__send-button").ClickAsync();
        await Expect(BotSays(page, "文件类型不支持")).ToContainTextAsync("“说明.pdf”的文件类型不支持");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Artifacts, "webchat-upload.png") });

        // What the bot keeps is the very bytes the browser sent, with the suggestion.
        var stored = host.Services.GetRequiredService<Cppcc.Bot.Attachments.IReportAttachmentStore>().For(reference);
        var only = Assert.Single(stored);
        Assert.Equal(png, host.Services.GetRequiredService<Cppcc.Bot.Attachments.IReportAttachmentStore>().Open(only.Id)!.Value.Bytes);
        folder.Delete(recursive: true);
    }

    private static async Task SayAsync(IPage page, string text)
    {
        var input = page.Locator("[data-id='webchat-sendbox-input']");
        await input.FillAsync(text);
        await input.PressAsync("Enter");
    }

    // Waits for the bot's question (by a word in it) and types the answer, as a visitor reads, then writes.
    private static async Task AnswerAsync(IPage page, string questionWord, string answer)
    {
        await Expect(BotSays(page, questionWord)).ToBeVisibleAsync();
        await SayAsync(page, answer);
    }

    private async Task<IPage> OpenAsync() =>
        await host.Browser.NewPageAsync(new() { Locale = "zh-CN", ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true });

    // Bot bubbles and cards in Web Chat's transcript (not the visitor's own bubbles).
    private static ILocator BotSays(IPage page, string text) =>
        page.Locator(".webchat__bubble:not(.webchat__bubble--from-user) .webchat__bubble__content", new() { HasText = text }).Last;

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);

    [GeneratedRegex(@"(JY-\d{4}-\d{6})，查询码 ([^。\s]+)。")]
    private static partial Regex Receipt();
}
