using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Framework.Cards;
using Cppcc.Dialogs.Reports;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Tests.Reports;

/// <summary>The report cards send exactly what their handlers read: every input of a form is a field of its submit record.</summary>
public class ReportCardSubmitTests
{
    private static readonly OfficeTime Office = new(TimeProvider.System, OfficeSettings.Default);

    private static readonly ReportRules Rules = new ReportRules().WithDefaults();

    [Theory]
    [InlineData(ReportKind.Report, false, null)]
    [InlineData(ReportKind.Suggestion, true, null)]
    [InlineData(ReportKind.Report, false, "SQ-2026-000007")]
    public void Every_input_of_the_filing_form_is_read_by_report_submit(ReportKind kind, bool askContact, string? revise)
    {
        var form = Content(ReportCards.Form(Turn(), kind, Rules, askContact, reviseReference: revise));

        var (ids, read) = SubmitEveryInput<ReportSubmit>(form, (JObject)form["actions"]![0]!["data"]!);

        Assert.Equal(kind.Wire(), read.Kind);
        Assert.Equal(revise, read.Ref);
        var back = CardSubmit.Data(read);
        Assert.All(ids, id => Assert.Equal("typed " + id, (string?)back[id]));
    }

    [Fact]
    public void The_member_form_asks_for_co_authors_under_the_contract_field_id()
    {
        var form = Content(ReportCards.Form(Turn(), ReportKind.Report, Rules, askContact: false));

        var ids = Inputs(form).Select(i => (string?)i["id"]).ToList();

        Assert.Equal(new[] { "category", "title", "content", "analysis", "suggestion", "location", "coAuthors" }, ids);
    }

    [Fact]
    public void Each_staff_move_sends_a_transition_with_its_own_inputs()
    {
        var report = new ReportDetails
        {
            Reference = "SQ-2026-000003",
            Kind = ReportKind.Report,
            State = ReportState.Accepted,
            Draft = new ReportDraft { Title = "路灯" },
            SubmittedAt = DateTimeOffset.UnixEpoch,
            History = [],
        };
        var card = Content(ReportCards.Details(Turn(), report, similar: null, staffActions: true, Office));

        var moves = card["actions"]!.Select(a => (JObject)a["card"]!).ToList();

        Assert.Equal(ReportLifecycle.AllowedFrom(ReportState.Accepted).Count, moves.Count);
        foreach (var move in moves)
        {
            var (ids, read) = SubmitEveryInput<ReportTransition>(move, (JObject)move["actions"]![0]!["data"]!);
            Assert.Equal(report.Reference, read.Ref);
            Assert.True(ReportNames.TryParseState(read.To, out var to) && ReportLifecycle.CanMove(ReportState.Accepted, to), read.To);
            var back = CardSubmit.Data(read);
            Assert.All(ids, id => Assert.Equal("typed " + id, (string?)back[id]));
        }
    }

    [Fact]
    public void The_cosign_invitation_answers_accept_or_decline_for_its_report()
    {
        var card = Content(CosignCard.Build("SQ-2026-000009", "路灯", "王委员", "zh-CN").Attachments[0]);

        var answers = card["actions"]!.Select(a => CardSubmit.Read<ReportCosign>((JObject)a["data"]!, Office)).ToList();

        Assert.Equal(new[] { new ReportCosign("SQ-2026-000009", ReportCosign.Accept), new ReportCosign("SQ-2026-000009", ReportCosign.Decline) }, answers);
        Assert.All(card["actions"]!, a => Assert.Equal("report.cosign", (string?)a["data"]!["action"]));
    }

    // What a client sends: the button's data plus a value typed into every input.
    private static (List<string> Ids, T Read) SubmitEveryInput<T>(JObject card, JObject data) where T : class, ICardSubmit<T>
    {
        var sent = (JObject)data.DeepClone();
        var ids = Inputs(card).Select(i => (string)i["id"]!).ToList();
        foreach (var id in ids)
        {
            sent[id] = "typed " + id;
        }

        return (ids, CardSubmit.Read<T>(sent, Office));
    }

    private static IEnumerable<JObject> Inputs(JObject card)
        => card["body"]!.OfType<JObject>().Where(e => ((string?)e["type"])?.StartsWith("Input.", StringComparison.Ordinal) == true);

    private static JObject Content(Attachment attachment) => JObject.FromObject(attachment.Content);

    private static ITurnContext Turn() => new TurnContext(new TestAdapter(), new Activity { Type = ActivityTypes.Message, Locale = "zh-CN" });
}
