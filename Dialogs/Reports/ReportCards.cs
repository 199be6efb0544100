using System.Globalization;
using System.Linq.Expressions;
using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Framework.Cards;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Cppcc.Dialogs.Reports;

/// <summary>
/// The feature's Adaptive Cards. Anything a user typed is shown as labelled plain text (a RichTextBlock run, which
/// Adaptive Cards never parse as Markdown or HTML), so scripts and links in a title are shown as the characters they are.
/// </summary>
public static class ReportCards
{
    /// <summary>The word of the status command, used by the list's open buttons.</summary>
    internal const string StatusWord = "查询";

    /// <summary>The summary the author checks before confirming.</summary>
    public static Attachment Summary(ITurnContext turn, ReportDraft draft)
    {
        var locale = turn.Activity.Locale;
        var card = new AdaptiveCardBuilder().Title(ReportTexts.SummaryTitle.For(locale));
        AddDraft(card, draft, locale, showContact: true);
        return card.Build();
    }

    /// <summary>A report as the caller may see it; staff get the contact, similar reports and the allowed actions.</summary>
    public static Attachment Details(ITurnContext turn, ReportDetails report, IReadOnlyList<ReportSummary>? similar, bool staffActions, OfficeTime office)
    {
        var locale = turn.Activity.Locale;
        var resubmitted = report.History.Count > 0 && report.History[^1] is { From: ReportState.Returned, To: ReportState.Submitted };
        var card = new AdaptiveCardBuilder()
            .Title($"{report.Kind.Label().For(locale)} {report.Reference}")
            .LabelledText(Label(ReportTexts.StatusLine, locale),
                report.State.Label().For(locale) + (resubmitted ? $"（{ReportTexts.ResubmittedStep.For(locale)}）" : ""))
            .LabelledText(Label(ReportTexts.SubmittedAtLine, locale), ReportFormat.Time(report.SubmittedAt, office));
        if (report.AuthorName is not null)
        {
            card.LabelledText(Label(ReportTexts.AuthorLabel, locale), report.AuthorName);
        }

        if (report.CoSigners.Count > 0)
        {
            card.LabelledText(Label(JointReportTexts.CoSignersLabel, locale), string.Join("、", report.CoSigners));
        }

        if (report.Sector is not null)
        {
            card.LabelledText(Label(ReportTexts.SectorLabel, locale), report.Sector);
        }

        if (report.Department is not null)
        {
            card.LabelledText(Label(ReportTexts.DepartmentLabel, locale), report.Department);
        }

        if (report.Level is { } level)
        {
            card.LabelledText(Label(ReportTexts.LevelLabel, locale), level.Label().For(locale));
        }

        AddDraft(card, report.Draft, locale, report.ShowsContact);
        card.Text(ReportTexts.HistoryHeader.For(locale), subtle: true);
        foreach (var entry in report.History)
        {
            var actor = entry.Actor ?? (entry.ByStaff ? ReportTexts.ActorStaff : ReportTexts.ActorAuthor).For(locale);
            var step = entry is { From: ReportState.Returned, To: ReportState.Submitted } ? ReportTexts.ResubmittedStep : entry.To.Label();
            var extra = new[] { entry.Department, entry.Level?.Label().For(locale), entry.Note }.Where(x => !string.IsNullOrWhiteSpace(x));
            card.LabelledText($"{ReportFormat.Time(entry.At, office)} {step.For(locale)} · {actor}", string.Join(" · ", extra));
        }

        if (similar is { Count: > 0 })
        {
            card.Text(ReportTexts.StaffSimilarHeader.For(locale), subtle: true);
            foreach (var s in similar)
            {
                card.LabelledText($"{s.Reference}（{s.State.Label().For(locale)}）", s.Title);
            }
        }

        if (staffActions)
        {
            var moves = ReportLifecycle.AllowedFrom(report.State);
            if (moves.Count == 0)
            {
                card.Text(ReportTexts.NoMoreActions.For(locale), subtle: true);
            }

            foreach (var to in moves)
            {
                var label = ReportTexts.ActionLabels[to].For(locale);
                card.ShowCard(label, TransitionForm(to, locale).Submit(label, new ReportTransition(report.Reference, to.Wire())));
            }
        }

        return card.Build();
    }

    /// <summary>A page of reports with open and paging buttons (they run text commands, as if typed).</summary>
    public static Attachment List(ITurnContext turn, ReportPage page, ReportQuery query, string command, OfficeTime office)
    {
        var locale = turn.Activity.Locale;
        var card = new AdaptiveCardBuilder()
            .Title(ReportTexts.TriageTitle.For(locale))
            .Text(string.Format(CultureInfo.InvariantCulture, ReportTexts.TriageFilter.For(locale),
                query.State?.Label().For(locale) ?? ReportTexts.All.For(locale), query.Category ?? ReportTexts.All.For(locale),
                page.Page, page.PageCount, page.Total), subtle: true);
        if (page.Items.Count == 0)
        {
            card.Text(ReportTexts.NothingListed.For(locale));
        }

        foreach (var item in page.Items)
        {
            card.ItemRow($"{item.Reference} · {item.Category} · {item.State.Label().For(locale)} · {ReportFormat.Time(item.SubmittedAt, office)}", item.Title,
                CardButton.Submit(ReportTexts.Open.For(locale), new MenuCommand($"{StatusWord} {item.Reference}")));
        }

        var filter = string.Join(" ", new[] { query.State?.Wire(), query.Category }.Where(x => x is not null));
        string PageCommand(int number) => $"{command} {filter} {number}".Replace("  ", " ", StringComparison.Ordinal);
        if (page.Page > 1)
        {
            card.Submit(ReportTexts.PreviousPage.For(locale), new MenuCommand(PageCommand(page.Page - 1)));
        }

        if (page.Page < page.PageCount)
        {
            card.Submit(ReportTexts.NextPage.For(locale), new MenuCommand(PageCommand(page.Page + 1)));
        }

        return card.Build();
    }

    /// <summary>
    /// A one-step form whose submit is <see cref="ReportSubmit"/>: its input ids are the record's fields. The card checks
    /// required fields and lengths before it is sent (the server checks again). A revision of a returned report is
    /// pre-filled with the earlier text and carries its reference.
    /// </summary>
    public static Attachment Form(ITurnContext turn, ReportKind kind, ReportRules rules, bool askContact, ReportDraft? earlier = null, string? reviseReference = null)
    {
        var locale = turn.Activity.Locale;
        var category = Id(s => s.Category);
        var card = new AdaptiveCardBuilder()
            .Title(kind.Label().For(locale))
            .ChoiceInput(category, ReportTexts.FieldLabel(category).For(locale), rules.Categories.Select(c => new CardChoice(c, c)), earlier?.Category,
                requiredMessage: ReportTexts.FillIn(category).For(locale));
        Input(card, Id(s => s.Title), locale, multiline: false, required: true, rules.MaxTitleLength, earlier?.Title);
        Input(card, Id(s => s.Content), locale, multiline: true, required: true, rules.MaxContentLength, earlier?.Content);
        if (kind == ReportKind.Report)
        {
            Input(card, Id(s => s.Analysis), locale, multiline: true, required: false, rules.MaxContentLength, earlier?.Analysis);
        }

        Input(card, Id(s => s.Suggestion), locale, multiline: true, required: kind == ReportKind.Report, rules.MaxContentLength, earlier?.Suggestion);
        Input(card, Id(s => s.Location), locale, multiline: false, required: false, rules.MaxShortFieldLength, earlier?.Location);
        if (kind == ReportKind.Report && reviseReference is null)
        {
            card.PeoplePicker(Id(s => s.CoAuthors), JointReportTexts.CoAuthorsLabel.For(locale));
        }

        if (askContact)
        {
            var anonymous = Id(s => s.Anonymous);
            card.Toggle(anonymous, ReportTexts.FieldLabel(anonymous).For(locale));
            Input(card, Id(s => s.ContactName), locale, multiline: false, required: false, rules.MaxShortFieldLength, null);
            Input(card, Id(s => s.ContactPhone), locale, multiline: false, required: false, 20, null);
        }

        var title = (reviseReference is null ? ReportTexts.Submit : ReportTexts.Resubmit).For(locale);
        return card.Submit(title, new ReportSubmit(kind.Wire(), Ref: reviseReference)).Build();
    }

    private static AdaptiveCardBuilder TransitionForm(ReportState to, string? locale)
    {
        // The server refuses a return or a reply without a note (the reason, the department's reply): say so on the card.
        var noteRequired = to switch
        {
            ReportState.Returned => ReportTexts.ReasonRequired.For(locale),
            ReportState.Replied => ReportTexts.ReplyRequired.For(locale),
            _ => null,
        };
        var form = new AdaptiveCardBuilder()
            .TextInput(Field(t => t.Note), ReportTexts.NoteInput.For(locale), multiline: true, requiredMessage: noteRequired);
        if (to == ReportState.Forwarded)
        {
            form.TextInput(Field(t => t.Department), ReportTexts.DepartmentInput.For(locale), requiredMessage: ReportTexts.DepartmentRequired.For(locale));
        }

        if (to == ReportState.Adopted)
        {
            var level = Field(t => t.Level);
            form.ChoiceInput(level, ReportTexts.LevelInput.For(locale),
                Enum.GetValues<AdoptionLevel>().Select(l => new CardChoice(l.Label().For(locale), l.Wire())), requiredMessage: ReportTexts.FillIn(level).For(locale));
        }

        return form;
    }

    private static void AddDraft(AdaptiveCardBuilder card, ReportDraft draft, string? locale, bool showContact)
    {
        void Line(string id, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                card.LabelledText(ReportTexts.FieldLabel(id).For(locale) + "：", value);
            }
        }

        Line(Id(s => s.Category), draft.Category);
        Line(Id(s => s.Title), draft.Title);
        Line(Id(s => s.Content), draft.Content);
        Line(Id(s => s.Analysis), draft.Analysis);
        Line(Id(s => s.Suggestion), draft.Suggestion);
        Line(Id(s => s.Location), draft.Location);
        if (draft.Kind == ReportKind.Suggestion && draft.Anonymous)
        {
            Line(Id(s => s.Anonymous), ReportTexts.Anonymous.For(locale));
        }

        if (showContact)
        {
            Line(Id(s => s.ContactName), draft.ContactName);
            Line(Id(s => s.ContactPhone), draft.ContactPhone);
        }
    }

    // maxLength is the server's own limit, so a client stops the author at the limit instead of the server refusing
    // the whole form afterwards; the server still rejects anything longer (a client may ignore maxLength), never cuts.
    private static void Input(AdaptiveCardBuilder card, string id, string? locale, bool multiline, bool required, int maxLength, string? value)
        => card.TextInput(id, ReportTexts.FieldLabel(id).For(locale), string.IsNullOrEmpty(value) ? null : value, ReportTexts.MaxLengthHint(maxLength).For(locale),
            multiline, maxLength, required ? ReportTexts.FillIn(id).For(locale) : null);

    private static string Id(Expression<Func<ReportSubmit, string?>> field) => CardSubmit.Field(field);

    private static string Field(Expression<Func<ReportTransition, string?>> field) => CardSubmit.Field(field);

    private static string Label(Localized format, string? locale) => string.Format(CultureInfo.InvariantCulture, format.For(locale), "");
}
