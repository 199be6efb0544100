using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Framework.Cards;
using Cppcc.Dialogs.Root;

namespace Cppcc.Dialogs.Reports;

/// <summary>
/// <see cref="ReportSubmit"/>: files a report or suggestion in one step with the same checks as the dialogs. A bad field
/// gets a message naming it and nothing is stored. With a <c>ref</c> the author resubmits a returned report (a Teams
/// author by identity, a public submitter with its access code in <c>code</c>).
/// </summary>
public sealed class ReportSubmitAction(ReportFiling filing, ReportValidator validator, OfficeTime office) : CardAction<ReportSubmit>(office)
{
    /// <inheritdoc />
    public override Role MinimumRole => Role.Public;

    /// <inheritdoc />
    protected override async Task HandleAsync(RouteContext context, ReportSubmit submit, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var errors = new List<FieldError>();
        ReportKind? kind = Framework.InputText.Normalize(submit.Kind) switch
        {
            "report" => ReportKind.Report,
            "suggestion" => ReportKind.Suggestion,
            _ => null,
        };
        if (kind is null)
        {
            errors.Add(new FieldError(CardSubmit.Field<ReportSubmit>(s => s.Kind), ReportTexts.BadKind));
        }
        else if (kind == ReportKind.Report && !context.Caller.Has(Role.Member))
        {
            await turn.SendActivityAsync(ReportTexts.MembersOnly.For(turn), cancellationToken: cancellationToken);
            return;
        }

        var anonymous = Framework.InputText.Normalize(submit.Anonymous);
        if (anonymous is not ("" or "true" or "false"))
        {
            errors.Add(new FieldError(CardSubmit.Field<ReportSubmit>(s => s.Anonymous), ReportTexts.BadAnonymous));
        }

        var category = ReportFormat.Field(submit.Category);
        var draft = new ReportDraft
        {
            Kind = kind ?? ReportKind.Suggestion,
            Category = validator.Rules.FindCategory(category) ?? category,
            Title = ReportFormat.Field(submit.Title),
            Content = ReportFormat.Field(submit.Content),
            Analysis = ReportFormat.Field(submit.Analysis),
            Suggestion = ReportFormat.Field(submit.Suggestion),
            Location = ReportFormat.Field(submit.Location),
            Anonymous = anonymous == "true",
            ContactName = ReportFormat.Field(submit.ContactName),
            ContactPhone = ReportFormat.Field(submit.ContactPhone),
        };
        var (coAuthors, coAuthorError) = CoAuthorList.Parse(ReportFormat.Field(submit.CoAuthors), draft.Kind, turn.Activity.From?.AadObjectId);
        draft.CoAuthors = coAuthors;
        if (coAuthorError is not null)
        {
            errors.Add(coAuthorError);
        }

        errors.AddRange(validator.Validate(draft, context.Caller.Role));
        if (errors.Count > 0)
        {
            await turn.SendActivityAsync(ReportValidator.Describe(errors, turn.Activity.Locale), cancellationToken: cancellationToken);
            return;
        }

        var revise = ReportFormat.Field(submit.Ref) is { } reference ? ReportFormat.Reference(reference) : null;
        await filing.FileAsync(turn, context.Caller, draft, revise, cancellationToken, ReportFormat.Field(submit.Code));
    }
}
