using System.Text.RegularExpressions;
using Cppcc.Dialogs.Root;

namespace Cppcc.Dialogs.Reports;

/// <summary>
/// The one set of checks for a draft, used by the dialogs (per answer), by <c>report.submit</c> (all at once) and by the
/// host before it stores anything: who may file which kind, required fields, lengths (rejected, never truncated), a
/// configured category and a plausible Chinese phone number.
/// </summary>
public sealed partial class ReportValidator(ReportRules rules)
{
    /// <summary>The rules checked against.</summary>
    public ReportRules Rules => rules;

    /// <summary>Every problem of a complete draft filed by a caller with <paramref name="role"/>; empty when it may be filed.</summary>
    public IReadOnlyList<FieldError> Validate(ReportDraft draft, Role role)
    {
        var errors = new List<FieldError>();
        void Add(string field, FieldError? error)
        {
            if (error is not null)
            {
                errors.Add(error with { Field = field });
            }
        }

        // Opinion reports (社情民意) are the members' duty; the public files suggestions.
        Add("kind", draft.Kind == ReportKind.Report && role < Role.Member ? Error("kind", ReportTexts.MembersOnly) : null);
        Add("category", rules.FindCategory(draft.Category) is null ? Error("category", ReportTexts.BadCategory(rules)) : null);
        Add("title", CheckTitle(draft.Title));
        Add("content", Required(draft.Content) ?? CheckShort(draft.Content, rules.MaxContentLength));
        if (draft.Kind == ReportKind.Report)
        {
            Add("suggestion", Required(draft.Suggestion));
        }

        Add("content", errors.Any(e => e.Field == "content") ? null : CheckBodyLength(draft));
        Add("location", CheckOptional(draft.Location));
        if (draft.Kind == ReportKind.Suggestion && role == Role.Public && !draft.Anonymous)
        {
            Add("contactName", Required(draft.ContactName) ?? CheckShort(draft.ContactName, rules.MaxShortFieldLength));
            Add("contactPhone", Required(draft.ContactPhone) ?? CheckPhone(draft.ContactPhone));
        }
        else
        {
            Add("contactName", CheckOptional(draft.ContactName));
            Add("contactPhone", string.IsNullOrWhiteSpace(draft.ContactPhone) ? null : CheckPhone(draft.ContactPhone));
        }

        return errors;
    }

    /// <summary>Longest note on a move (a reason, a department's reply), in characters.</summary>
    public const int MaxNoteLength = 1000;

    /// <summary>The field a staff move lacks or has too long, or null (checked before anything is read from the store).</summary>
    public FieldError? CheckTransition(TransitionRequest request)
    {
        if (ReportLifecycle.MissingField(request) is { } missing)
        {
            return missing;
        }

        if (request.Note?.Length > MaxNoteLength)
        {
            return new FieldError("note", ReportTexts.TooLong(request.Note.Length, MaxNoteLength));
        }

        return request.Department?.Length > rules.MaxShortFieldLength
            ? new FieldError("department", ReportTexts.TooLong(request.Department.Length, rules.MaxShortFieldLength))
            : null;
    }

    /// <summary>A title problem, or null.</summary>
    public FieldError? CheckTitle(string? title) => Required(title) ?? CheckShort(title, rules.MaxTitleLength);

    /// <summary>A problem with one body answer (it alone may not exceed the whole body's limit), or null.</summary>
    public FieldError? CheckBodyPart(string? text) => Required(text) ?? CheckShort(text, rules.MaxContentLength);

    /// <summary>A problem with the whole body's length, or null.</summary>
    public FieldError? CheckBodyLength(ReportDraft draft)
    {
        var length = new[] { draft.Content, draft.Analysis, draft.Suggestion }.Sum(t => t?.Trim().Length ?? 0);
        return length > rules.MaxContentLength ? Error("content", ReportTexts.BodyTooLong(length, rules.MaxContentLength)) : null;
    }

    /// <summary>A problem with an optional short field (location, contact name), or null.</summary>
    public FieldError? CheckOptional(string? text) => string.IsNullOrWhiteSpace(text) ? null : CheckShort(text, rules.MaxShortFieldLength);

    /// <summary>A phone problem, or null: a mainland mobile (1[3-9]xxxxxxxxx, optional +86) or a landline with area code.</summary>
    public FieldError? CheckPhone(string? phone)
    {
        var compact = Framework.InputText.Fold(phone).Replace(" ", "", StringComparison.Ordinal);
        // A mobile is often written in groups ("+86 139-1234-5678"); a landline's dash after the area code is kept.
        return Mobile().IsMatch(compact.Replace("-", "", StringComparison.Ordinal)) || Landline().IsMatch(compact)
            ? null : Error("contactPhone", ReportTexts.BadPhone);
    }

    /// <summary>The message for a list of errors, naming each field.</summary>
    public static string Describe(IEnumerable<FieldError> errors, string? locale)
        => ReportTexts.FixFields.For(locale) + "\n\n" + string.Join("\n", errors.Select(e => Framework.Localized.IsEnglish(locale)
            ? $"- {ReportTexts.FieldLabel(e.Field).En} ({e.Field}): {e.Problem.En}"
            : $"- {ReportTexts.FieldLabel(e.Field).Zh}（{e.Field}）：{e.Problem.Zh}"));

    private static FieldError? Required(string? text) => string.IsNullOrWhiteSpace(text) ? Error("", ReportTexts.Required) : null;

    private static FieldError? CheckShort(string? text, int max)
    {
        var length = text?.Trim().Length ?? 0;
        return length > max ? Error("", ReportTexts.TooLong(length, max)) : null;
    }

    private static FieldError Error(string field, Framework.Localized problem) => new(field, problem);

    [GeneratedRegex(@"^(\+?86-?)?1[3-9]\d{9}$")]
    private static partial Regex Mobile();

    [GeneratedRegex(@"^(\(?0\d{2,3}\)?-?)?[2-9]\d{6,7}(-\d{1,6})?$")]
    private static partial Regex Landline();
}
