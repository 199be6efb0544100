using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Reports;

/// <summary>
/// <c>report.submit</c> (docs/contract.md §4): files a report or suggestion in one step with the same checks as the
/// dialogs. A bad field gets a message naming it and nothing is stored. With a <c>ref</c> field the author resubmits
/// a returned report (a Teams author by identity, a public submitter with its access code in <c>code</c>).
/// </summary>
public sealed class ReportSubmitAction : ICardAction
{
    private readonly ReportFiling _filing;
    private readonly ReportValidator _validator;

    /// <summary>Creates the action.</summary>
    public ReportSubmitAction(ReportFiling filing, ReportValidator validator)
    {
        _filing = filing;
        _validator = validator;
    }

    /// <inheritdoc />
    public string Name => ReportCards.SubmitAction;

    /// <inheritdoc />
    public Role MinimumRole => Role.Public;

    /// <inheritdoc />
    public async Task ExecuteAsync(RouteContext context, JObject value, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var errors = new List<FieldError>();
        var kindText = Framework.InputText.Normalize(Text(value, "kind"));
        var kind = kindText switch
        {
            "report" => ReportKind.Report,
            "suggestion" => ReportKind.Suggestion,
            _ => (ReportKind?)null,
        };
        if (kind is null)
        {
            errors.Add(new FieldError("kind", ReportTexts.BadKind));
        }
        else if (kind == ReportKind.Report && !context.Caller.Has(Role.Member))
        {
            await turn.SendActivityAsync(ReportTexts.MembersOnly.For(turn), cancellationToken: cancellationToken);
            return;
        }

        var anonymousText = Framework.InputText.Normalize(Text(value, "anonymous"));
        if (anonymousText is not ("" or "true" or "false"))
        {
            errors.Add(new FieldError("anonymous", ReportTexts.BadAnonymous));
        }

        var draft = new ReportDraft
        {
            Kind = kind ?? ReportKind.Suggestion,
            Category = _validator.Rules.FindCategory(Text(value, "category")) ?? Text(value, "category"),
            Title = Text(value, "title"),
            Content = Text(value, "content"),
            Analysis = Text(value, "analysis"),
            Suggestion = Text(value, "suggestion"),
            Location = Text(value, "location"),
            Anonymous = anonymousText == "true",
            ContactName = Text(value, "contactName"),
            ContactPhone = Text(value, "contactPhone"),
        };
        var (coAuthors, coAuthorError) = CoAuthorList.Parse(Text(value, "coAuthors"), draft.Kind, turn.Activity.From?.AadObjectId);
        draft.CoAuthors = coAuthors;
        if (coAuthorError is not null)
        {
            errors.Add(coAuthorError);
        }

        errors.AddRange(_validator.Validate(draft, context.Caller.Role));
        if (errors.Count > 0)
        {
            await turn.SendActivityAsync(ReportValidator.Describe(errors, turn.Activity.Locale), cancellationToken: cancellationToken);
            return;
        }

        var revise = Text(value, "ref") is { } reference ? ReportFormat.Reference(reference) : null;
        await _filing.FileAsync(turn, context.Caller, draft, revise, cancellationToken, Text(value, "code"));
    }

    /// <summary>A submitted field as trimmed text; null when absent or blank.</summary>
    internal static string? Text(JObject value, string field)
    {
        var token = value[field];
        var text = token is JValue { Value: not null } v
            ? Convert.ToString(v.Value, System.Globalization.CultureInfo.InvariantCulture)?.Trim()
            : null;
        return string.IsNullOrEmpty(text) ? null : text;
    }
}
