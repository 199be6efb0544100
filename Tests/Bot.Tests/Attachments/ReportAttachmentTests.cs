using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using Cppcc.Bot.Tests.Reports;
using Cppcc.Bot.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Attachments;

/// <summary>
/// Files a member sends in Teams after filing: fetched from a loopback stand-in for the Teams service (inline images on
/// the serviceUrl host, uploaded files through their downloadUrl), checked by their bytes, and opened by staff only
/// through signed, expiring links.
/// </summary>
public sealed class ReportAttachmentTests : IAsyncLifetime, IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3];
    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF"u8.ToArray();
    private readonly TempDatabase _db = new();
    private readonly FakeTimeProvider _time = new(Start);
    private readonly Dictionary<string, byte[]> _served = new();
    private LoopbackServer _teams = null!;
    private ReportBot _bot = null!;

    public async Task InitializeAsync()
    {
        _served["/v3/attachments/photo/views/original"] = Png;
        _served["/files/提案说明.pdf"] = Pdf;
        _served["/files/docx"] = OfficeZip("word/document.xml");
        _served["/files/zip"] = OfficeZip("payload/readme.txt");
        _served["/files/exe"] = [0x4D, 0x5A, 0x90, 0, 3, 0, 0, 0];
        _served["/files/big"] = [.. Pdf, .. new byte[10 * 1024 * 1024]];
        _teams = await LoopbackServer.StartAsync(async http =>
        {
            if (_served.TryGetValue(http.Request.Path.Value ?? "", out var bytes))
            {
                await http.Response.Body.WriteAsync(bytes);
            }
            else
            {
                http.Response.StatusCode = StatusCodes.Status404NotFound;
            }
        });
        _bot = new ReportBot(_db, _teams.Address + "/", services: s => s.AddSingleton<TimeProvider>(_time));
    }

    private static byte[] OfficeZip(string part)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            zip.CreateEntry("[Content_Types].xml");
            zip.CreateEntry(part);
        }

        return buffer.ToArray();
    }

    private JObject Inline(string path) => new() { ["contentType"] = "image/png", ["contentUrl"] = _teams.Address + path };

    private JObject Uploaded(string name, string path) => new()
    {
        ["contentType"] = "application/vnd.microsoft.teams.file.download.info",
        ["name"] = name,
        ["contentUrl"] = "https://contoso.sharepoint.com/x",
        ["content"] = new JObject { ["downloadUrl"] = _teams.Address + path, ["fileType"] = Path.GetExtension(name).TrimStart('.') },
    };

    /// <summary>A member's Teams message carrying files (and the HTML copy Teams adds, which is not a file).</summary>
    private Task<JArray> SendFiles(string user, params JObject[] files)
    {
        var activity = BotFactory.TeamsMessage("", "29:" + user, "aad-" + user, "a:" + user);
        activity["serviceUrl"] = _teams.Address + "/";
        activity["from"]!["name"] = "张委员";
        activity["attachments"] = new JArray(files.Append(new JObject { ["contentType"] = "text/html", ["content"] = "<div><img></div>" }));
        return BotFactory.SendAsync(_bot.Client, activity);
    }

    private async Task<string> FileAsync() => ReportBot.Reference(await _bot.Member("", ReportBot.Submit("report", "学校门口交通拥堵", "早晚高峰车辆占道。")));

    [Fact]
    public async Task A_photo_and_a_document_are_kept_with_the_report_and_staff_open_them_through_expiring_links()
    {
        var reference = await FileAsync();

        var reply = ReportBot.Read(await SendFiles("m1", Inline("/v3/attachments/photo/views/original"), Uploaded("提案说明.pdf", "/files/提案说明.pdf")));

        // Names are the sender's text, escaped for the Markdown reply ("\." shows as ".").
        Assert.Contains($"已附加“附件\\.png”到 {reference}（第 1/5 个）", reply);
        Assert.Contains($"已附加“提案说明\\.pdf”到 {reference}（第 2/5 个）", reply);

        // The member sees the names on their own report; another member and the public see nothing of it.
        var own = ReportBot.Read(await _bot.Member("附件 " + reference));
        Assert.Contains("1. 附件\\.png", own);
        Assert.DoesNotContain("/exports/", own);
        var other = ReportBot.Read(await _bot.Member("附件 " + reference, user: "m2", name: "李委员"));
        Assert.Contains("没有找到您可以查看的", other);
        Assert.DoesNotContain("提案说明", other);
        var visitor = ReportBot.Read(await _bot.Public("附件 " + reference));
        Assert.Contains("抱歉，您没有使用此功能的权限", visitor);
        Assert.DoesNotContain("提案说明", visitor);

        var staff = await _bot.Staff("附件 " + reference);
        var links = Regex.Matches(staff.ToString(), @"https?://[^""\s]+/exports/[\w\-.]+").Select(m => new Uri(m.Value).PathAndQuery).ToList();
        Assert.Equal(2, links.Count);
        var photo = await _bot.Client.GetAsync(links[0]);
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/png", photo.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await photo.Content.ReadAsByteArrayAsync());
        Assert.Equal(Pdf, await (await _bot.Client.GetAsync(links[1])).Content.ReadAsByteArrayAsync());

        // A link with one character of its signature changed names nothing; an old one has expired.
        var forged = links[0][..^2] + (links[0][^2] == 'x' ? "y" : "x") + links[0][^1..];
        Assert.Equal(HttpStatusCode.NotFound, (await _bot.Client.GetAsync(forged)).StatusCode);
        _time.Advance(TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.Gone, (await _bot.Client.GetAsync(links[0])).StatusCode);
    }

    [Fact]
    public async Task A_file_name_is_shown_as_typed_never_as_a_link_mention_or_reversed_text()
    {
        var reference = await FileAsync();
        const string hostile = "[紧急：点此领取补贴](phish.example) **重要** <at>张委员<at> \u202egnp.exe.pdf";

        var reply = ReportBot.Read(await SendFiles("m1", Uploaded(hostile, "/files/提案说明.pdf")));
        var own = ReportBot.Read(await _bot.Member("附件 " + reference));

        foreach (var text in new[] { reply, own })
        {
            Assert.Contains("\\[紧急：点此领取补贴\\]\\(phish\\.example\\)", text);
            Assert.DoesNotContain("](phish", text);
            Assert.DoesNotContain("<at>", text);
            Assert.DoesNotContain("**", text);
            Assert.DoesNotContain('\u202e', text);
        }

        Assert.DoesNotContain('\u202e', (await _bot.Staff("附件 " + reference)).ToString());
    }

    [Fact]
    public async Task Wrong_types_big_files_a_sixth_file_and_foreign_hosts_are_refused_in_Chinese()
    {
        Assert.Contains("请先提交社情民意", ReportBot.Read(await SendFiles("m1", Inline("/v3/attachments/photo/views/original"))));
        var reference = await FileAsync();

        var refused = ReportBot.Read(await SendFiles("m1",
            Uploaded("会议纪要.pdf", "/files/exe"), Uploaded("资料.zip", "/files/zip"), Uploaded("扫描件.pdf", "/files/big"),
            new JObject { ["contentType"] = "image/png", ["name"] = "外链.png", ["contentUrl"] = "http://127.0.0.2:9/photo.png" }));
        Assert.Contains("“会议纪要\\.pdf”的文件类型不支持，未附加", refused);
        Assert.Contains("“资料\\.zip”的文件类型不支持，未附加", refused);
        Assert.Contains("“扫描件\\.pdf”超过 10 MB，未附加", refused);
        Assert.Contains("“外链\\.png”没能下载，未附加", refused);
        Assert.Contains($"{reference} 没有附件", ReportBot.Read(await _bot.Staff("附件 " + reference)));

        var five = ReportBot.Read(await SendFiles("m1", Enumerable.Range(1, 6).Select(i => Uploaded($"说明{i}.docx", "/files/docx")).ToArray()));
        Assert.Contains($"已附加“说明5\\.docx”到 {reference}（第 5/5 个）", five);
        Assert.Contains($"{reference} 已有 5 个附件，达到上限，“说明6\\.docx”未附加", five);

        // After a day the report is no longer the one files go to.
        _time.Advance(TimeSpan.FromDays(2));
        Assert.Contains("请先提交社情民意", ReportBot.Read(await SendFiles("m1", Uploaded("补充.pdf", "/files/提案说明.pdf"))));
    }

    public Task DisposeAsync()
    {
        _bot.Dispose();
        return _teams.DisposeAsync().AsTask();
    }

    public void Dispose() => _db.Dispose();
}
