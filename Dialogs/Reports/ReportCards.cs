using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Reports;

/// <summary>
/// The feature's Adaptive Cards. Anything a user typed goes into a RichTextBlock TextRun, which Adaptive Cards never
/// parse as Markdown or HTML, so scripts and links in a title are shown as the characters they are.
/// </summary>
public static class ReportCards
{
    /// <summary>Card action that moves a report (docs/contract.md §4).</summary>
    public const string TransitionAction = "report.transition";

    /// <summary>Card action that files a report in one step (docs/contract.md §4).</summary>
    public const string SubmitAction = "report.submit";

    /// <summary>The summary the author checks before confirming.</summary>
    public static Attachment Summary(ITurnContext turn, ReportDraft draft)
    {
        var locale = turn.Activity.Locale;
        var body = new JArray { MenuCard.TextBlock(ReportTexts.SummaryTitle.For(locale), large: true) };
        AddDraft(body, draft, locale, showContact: true);
        return MenuCard.AdaptiveCard(body);
    }

    /// <summary>A report as the caller may see it; staff get the contact, similar reports and the allowed actions.</summary>
    public static Attachment Details(ITurnContext turn, ReportDetails report, IReadOnlyList<ReportSummary>? similar, bool staffActions)
    {
        var locale = turn.Activity.Locale;
        var body = new JArray
        {
            MenuCard.TextBlock($"{report.Kind.Label().For(locale)} {report.Reference}", large: true),
            Plain(Label(ReportTexts.StatusLine, locale), report.State.Label().For(locale)
                + (report.History.Count > 0 && report.History[^1] is { From: ReportState.Returned, To: ReportState.Submitted } ? $"（{ReportTexts.ResubmittedStep.For(locale)}）" : "")),
            Plain(Label(ReportTexts.SubmittedAtLine, locale), ReportFormat.Time(report.SubmittedAt)),
        };
        if (report.AuthorName is not null)
        {
            body.Add(Plain(Label(ReportTexts.AuthorLabel, locale), report.AuthorName));
        }

        if (report.CoSigners.Count > 0)
        {
            body.Add(Plain(Label(JointReportTexts.CoSignersLabel, locale), string.Join("、", report.CoSigners)));
        }

        if (report.Sector is not null)
        {
            body.Add(Plain(Label(ReportTexts.SectorLabel, locale), report.Sector));
        }

        if (report.Department is not null)
        {
            body.Add(Plain(Label(ReportTexts.DepartmentLabel, locale), report.Department));
        }

        if (report.Level is { } level)
        {
            body.Add(Plain(Label(ReportTexts.LevelLabel, locale), level.Label().For(locale)));
        }

        AddDraft(body, report.Draft, locale, report.ShowsContact);
        body.Add(MenuCard.TextBlock(ReportTexts.HistoryHeader.For(locale), subtle: true));
        foreach (var entry in report.History)
        {
            var actor = entry.Actor ?? (entry.ByStaff ? ReportTexts.ActorStaff : ReportTexts.ActorAuthor).For(locale);
            var step = entry is { From: ReportState.Returned, To: ReportState.Submitted } ? ReportTexts.ResubmittedStep : entry.To.Label();
            var line = $"{ReportFormat.Time(entry.At)} {step.For(locale)} · {actor}";
            var extra = new[] { entry.Department, entry.Level?.Label().For(locale), entry.Note }.Where(x => !string.IsNullOrWhiteSpace(x));
            body.Add(Plain(line, string.Join(" · ", extra)));
        }

        if (similar is { Count: > 0 })
        {
            body.Add(MenuCard.TextBlock(ReportTexts.StaffSimilarHeader.For(locale), subtle: true));
            foreach (var s in similar)
            {
                body.Add(Plain($"{s.Reference}（{s.State.Label().For(locale)}）", s.Title));
            }
        }

        var actions = staffActions ? TransitionActions(report, locale) : null;
        if (staffActions && actions!.Count == 0)
        {
            body.Add(MenuCard.TextBlock(ReportTexts.NoMoreActions.For(locale), subtle: true));
        }

        return MenuCard.AdaptiveCard(body, actions);
    }

    /// <summary>A page of reports with open and paging buttons (buttons run text commands through the menu action).</summary>
    public static Attachment List(ITurnContext turn, ReportPage page, ReportQuery query, string command)
    {
        var locale = turn.Activity.Locale;
        var body = new JArray
        {
            MenuCard.TextBlock(ReportTexts.TriageTitle.For(locale), large: true),
            MenuCard.TextBlock(string.Format(System.Globalization.CultureInfo.InvariantCulture, ReportTexts.TriageFilter.For(locale),
                query.State?.Label().For(locale) ?? ReportTexts.All.For(locale), query.Category ?? ReportTexts.All.For(locale),
                page.Page, page.PageCount, page.Total), subtle: true),
        };
        if (page.Items.Count == 0)
        {
            body.Add(MenuCard.TextBlock(ReportTexts.NothingListed.For(locale)));
        }

        foreach (var item in page.Items)
        {
            body.Add(new JObject
            {
                ["type"] = "ColumnSet",
                ["columns"] = new JArray
                {
                    new JObject
                    {
                        ["type"] = "Column", ["width"] = "stretch",
                        ["items"] = new JArray { Plain($"{item.Reference} · {item.Category} · {item.State.Label().For(locale)} · {ReportFormat.Time(item.SubmittedAt)}", item.Title) },
                    },
                    new JObject
                    {
                        ["type"] = "Column", ["width"] = "auto",
                        ["items"] = new JArray { new JObject
                        {
                            ["type"] = "ActionSet",
                            ["actions"] = new JArray { CommandButton(ReportTexts.Open.For(locale), $"{StatusWord} {item.Reference}") },
                        } },
                    },
                },
            });
        }

        var actions = new JArray();
        var filter = string.Join(" ", new[] { query.State?.Wire(), query.Category }.Where(x => x is not null));
        if (page.Page > 1)
        {
            actions.Add(CommandButton(ReportTexts.PreviousPage.For(locale), $"{command} {filter} {page.Page - 1}".Replace("  ", " ", StringComparison.Ordinal)));
        }

        if (page.Page < page.PageCount)
        {
            actions.Add(CommandButton(ReportTexts.NextPage.For(locale), $"{command} {filter} {page.Page + 1}".Replace("  ", " ", StringComparison.Ordinal)));
        }

        return MenuCard.AdaptiveCard(body, actions);
    }

    /// <summary>
    /// A one-step form whose submit is <c>report.submit</c> (docs/contract.md §4). The card checks required fields and
    /// lengths before it is sent (the server checks again). A revision of a returned report is pre-filled with the
    /// earlier text and carries its reference.
    /// </summary>
    public static Attachment Form(ITurnContext turn, ReportKind kind, ReportRules rules, bool askContact, ReportDraft? earlier = null, string? reviseReference = null)
    {
        var locale = turn.Activity.Locale;
        var body = new JArray
        {
            MenuCard.TextBlock(kind.Label().For(locale), large: true),
            new JObject
            {
                ["type"] = "Input.ChoiceSet", ["id"] = "category", ["label"] = ReportTexts.FieldLabel("category").For(locale), ["isRequired"] = true,
                ["errorMessage"] = ReportTexts.FillIn("category").For(locale), ["value"] = earlier?.Category,
                ["choices"] = new JArray(rules.Categories.Select(c => new JObject { ["title"] = c, ["value"] = c })),
            },
            Input("title", locale, multiline: false, required: true, rules.MaxTitleLength, earlier?.Title),
            Input("content", locale, multiline: true, required: true, rules.MaxContentLength, earlier?.Content),
        };
        if (kind == ReportKind.Report)
        {
            body.Add(Input("analysis", locale, multiline: true, required: false, rules.MaxContentLength, earlier?.Analysis));
        }

        body.Add(Input("suggestion", locale, multiline: true, required: kind == ReportKind.Report, rules.MaxContentLength, earlier?.Suggestion));
        body.Add(Input("location", locale, multiline: false, required: false, rules.MaxShortFieldLength, earlier?.Location));
        if (kind == ReportKind.Report && reviseReference is null)
        {
            // Teams' people picker: a ChoiceSet filled from the tenant's directory, submitting aadObjectIds joined by commas.
            body.Add(new JObject
            {
                ["type"] = "Input.ChoiceSet", ["id"] = "coAuthors", ["label"] = JointReportTexts.CoAuthorsLabel.For(locale), ["isMultiSelect"] = true,
                ["choices"] = new JArray(), ["choices.data"] = new JObject { ["type"] = "Data.Query", ["dataset"] = "graph.microsoft.com/users" },
            });
        }

        if (askContact)
        {
            body.Add(new JObject { ["type"] = "Input.Toggle", ["id"] = "anonymous", ["title"] = ReportTexts.FieldLabel("anonymous").For(locale), ["value"] = "false", ["valueOn"] = "true", ["valueOff"] = "false" });
            body.Add(Input("contactName", locale, multiline: false, required: false, rules.MaxShortFieldLength, null));
            body.Add(Input("contactPhone", locale, multiline: false, required: false, 20, null));
        }

        var data = new JObject { ["action"] = SubmitAction, ["kind"] = kind.Wire() };
        if (reviseReference is not null)
        {
            data["ref"] = reviseReference;
        }

        var submit = new JObject
        {
            ["type"] = "Action.Submit",
            ["title"] = (reviseReference is null ? ReportTexts.Submit : ReportTexts.Resubmit).For(locale),
            ["data"] = data,
        };
        RemoveNulls(body);
        return MenuCard.AdaptiveCard(body, new JArray { submit });
    }

    /// <summary>The word of the status command, used by the list's open buttons.</summary>
    internal const string StatusWord = "查询";

    private static JArray TransitionActions(ReportDetails report, string? locale)
    {
        var actions = new JArray();
        foreach (var to in ReportLifecycle.AllowedFrom(report.State))
        {
            var inputs = new JArray
            {
                new JObject { ["type"] = "Input.Text", ["id"] = "note", ["label"] = ReportTexts.NoteInput.For(locale), ["isMultiline"] = true },
            };
            if (to is ReportState.Returned or ReportState.Replied)
            {
                // The server refuses these without a note (the reason, the department's reply): say so on the card.
                inputs[0]["isRequired"] = true;
                inputs[0]["errorMessage"] = (to == ReportState.Returned ? ReportTexts.ReasonRequired : ReportTexts.ReplyRequired).For(locale);
            }

            if (to == ReportState.Forwarded)
            {
                inputs.Add(new JObject
                {
                    ["type"] = "Input.Text", ["id"] = "department", ["label"] = ReportTexts.DepartmentInput.For(locale), ["isRequired"] = true,
                    ["errorMessage"] = ReportTexts.DepartmentRequired.For(locale),
                });
            }

            if (to == ReportState.Adopted)
            {
                inputs.Add(new JObject
                {
                    ["type"] = "Input.ChoiceSet", ["id"] = "level", ["label"] = ReportTexts.LevelInput.For(locale), ["isRequired"] = true,
                    ["errorMessage"] = ReportTexts.FillIn("level").For(locale),
                    ["choices"] = new JArray(Enum.GetValues<AdoptionLevel>().Select(l => new JObject { ["title"] = l.Label().For(locale), ["value"] = l.Wire() })),
                });
            }

            actions.Add(new JObject
            {
                ["type"] = "Action.ShowCard",
                ["title"] = ReportTexts.ActionLabels[to].For(locale),
                ["card"] = new JObject
                {
                    ["type"] = "AdaptiveCard",
                    ["body"] = inputs,
                    ["actions"] = new JArray
                    {
                        new JObject
                        {
                            ["type"] = "Action.Submit", ["title"] = ReportTexts.ActionLabels[to].For(locale),
                            ["data"] = new JObject { ["action"] = TransitionAction, ["ref"] = report.Reference, ["to"] = to.Wire() },
                        },
                    },
                },
            });
        }

        return actions;
    }

    private static void AddDraft(JArray body, ReportDraft draft, string? locale, bool showContact)
    {
        void Field(string id, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                body.Add(Plain(ReportTexts.FieldLabel(id).For(locale) + "：", value));
            }
        }

        Field("category", draft.Category);
        Field("title", draft.Title);
        Field("content", draft.Content);
        Field("analysis", draft.Analysis);
        Field("suggestion", draft.Suggestion);
        Field("location", draft.Location);
        if (draft.Kind == ReportKind.Suggestion && draft.Anonymous)
        {
            Field("anonymous", ReportTexts.Anonymous.For(locale));
        }

        if (showContact)
        {
            Field("contactName", draft.ContactName);
            Field("contactPhone", draft.ContactPhone);
        }
    }

    /// <summary>A bold label and a plain-text value: a TextRun is never parsed as Markdown or HTML.</summary>
    private static JObject Plain(string label, string? value) => PlainText.Block(label, value);

    // maxLength is the server's own limit, so a client stops the author at the limit instead of the server refusing
    // the whole form afterwards; the server still rejects anything longer (a client may ignore maxLength), never cuts.
    private static JObject Input(string id, string? locale, bool multiline, bool required, int maxLength, string? value)
    {
        var input = new JObject
        {
            ["type"] = "Input.Text", ["id"] = id, ["label"] = ReportTexts.FieldLabel(id).For(locale),
            ["isMultiline"] = multiline, ["isRequired"] = required, ["maxLength"] = maxLength,
            ["placeholder"] = ReportTexts.MaxLengthHint(maxLength).For(locale),
        };
        if (required)
        {
            input["errorMessage"] = ReportTexts.FillIn(id).For(locale);
        }

        if (!string.IsNullOrEmpty(value))
        {
            input["value"] = value;
        }

        return input;
    }

    private static void RemoveNulls(JArray elements)
    {
        foreach (var property in elements.OfType<JObject>().SelectMany(e => e.Properties()).Where(p => p.Value.Type == JTokenType.Null).ToList())
        {
            property.Remove();
        }
    }

    private static string Label(Localized format, string? locale) => string.Format(System.Globalization.CultureInfo.InvariantCulture, format.For(locale), "");

    private static JObject CommandButton(string title, string command) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = title,
        ["data"] = new JObject { ["action"] = MenuCard.MenuAction, ["command"] = command },
    };
}
