using Cppcc.Dialogs.Attachments;
using Cppcc.Dialogs.Root;
using Cppcc.Dialogs.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Tests.Attachments;

/// <summary><c>附件</c>: staff get a link per file, a member only the names of their own report's files, others nothing.</summary>
public class AttachmentsCommandTests
{
    private const string Reference = "SQ-2026-000001";

    private sealed class FakeAttachments : IReportAttachments
    {
        public Caller? AskedBy { get; private set; }

        // The host decides visibility; this fake shows the one report to staff and to its author "user-1".
        public IReadOnlyList<ReportAttachmentEntry>? For(Caller caller, string reference)
        {
            AskedBy = caller;
            return reference == Reference && (caller.Role == Role.Staff || caller.UserKey.EndsWith(":user-1", StringComparison.Ordinal))
                ? [new ReportAttachmentEntry("report/a1", "现场.png"), new ReportAttachmentEntry("report/a2", "说明.pdf")]
                : null;
        }
    }

    private static DialogTestHost Host(Role role, FakeAttachments attachments)
        => new(configure: s => s.AddSingleton<IReportAttachments>(attachments).AddAttachmentsConversation(), role: role);

    [Fact]
    public async Task Staff_get_one_download_link_per_file()
    {
        JObject? card = null;
        await Host(Role.Staff, new FakeAttachments()).Flow()
            .Send("附件 sq-2026-000001")
            .AssertReply(a => card = JObject.FromObject(a.AsMessageActivity().Attachments[0].Content))
            .StartTestAsync();

        var links = card!["actions"]!.Select(a => ((string)a["title"]!, (string)a["url"]!)).ToList();
        Assert.Equal(new[] { ("现场.png", "http://x/exports/report.attachment/report/a1/test:user-1"), ("说明.pdf", "http://x/exports/report.attachment/report/a2/test:user-1") }, links);
        Assert.Contains("共 2 个", CardText(card));
    }

    [Fact]
    public async Task A_member_sees_the_names_of_their_own_files_and_no_links()
    {
        await Host(Role.Member, new FakeAttachments()).Flow()
            .Send("附件 SQ-2026-000001")
            .AssertReply(a =>
            {
                var message = a.AsMessageActivity();
                // Escaped for the Markdown reply: "\." shows as ".".
                Assert.Contains("1. 现场\\.png\n2. 说明\\.pdf", message.Text);
                Assert.True(message.Attachments is null or { Count: 0 });
                Assert.DoesNotContain("http", message.Text);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task A_report_the_caller_may_not_see_gets_the_not_found_reply()
    {
        await Host(Role.Member, new FakeAttachments()).Flow()
            .Send("附件 SQ-2026-000002")
            .AssertReply(a => Assert.Equal("没有找到您可以查看的 SQ-2026-000002。", a.AsMessageActivity().Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task Without_a_reference_the_usage_is_shown_and_nothing_is_looked_up()
    {
        var attachments = new FakeAttachments();
        await Host(Role.Staff, attachments).Flow()
            .Send("附件 明天")
            .AssertReply(a => Assert.Contains("请写编号", a.AsMessageActivity().Text))
            .StartTestAsync();

        Assert.Null(attachments.AskedBy);
    }

    private static string CardText(JObject card) => string.Join("\n", card.SelectTokens("$..text").Select(t => (string?)t));
}
