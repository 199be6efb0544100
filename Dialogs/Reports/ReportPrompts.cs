using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Framework.Prompts;

namespace Cppcc.Dialogs.Reports;

/// <summary>The feature's validated prompts, one per field: each re-asks naming the field and what is wrong.</summary>
public static class ReportPrompts
{
    /// <summary>The prompt id asking for card field <paramref name="field"/> (e.g. <c>contactPhone</c>).</summary>
    public static string For(string field) => "reports.prompt." + field;

    /// <summary>Card field ids that have a prompt.</summary>
    public static IReadOnlyList<string> Fields { get; } = new[] { "title", "content", "analysis", "suggestion", "location", "contactName", "contactPhone" };

    /// <summary>The prompt for <paramref name="field"/>, validating with <paramref name="validator"/>.</summary>
    public static Dialog Create(string field, ReportValidator validator)
    {
        Func<string, FieldError?> check = field switch
        {
            "title" => validator.CheckTitle,
            "content" or "analysis" or "suggestion" => validator.CheckBodyPart,
            "contactPhone" => validator.CheckPhone,
            _ => validator.CheckOptional,
        };
        return new TextPrompt(For(field), (value, turn) =>
            IsSkip(value) && field == "location" ? null : Message(field, check(value), turn.Activity.Locale));
    }

    /// <summary>True when the answer means "nothing" (无 / skip).</summary>
    public static bool IsSkip(string? answer) => ReportTexts.SkipWords.Contains(InputText.Normalize(answer));

    /// <summary>"标题（案由）不能为空。": the field's name and the problem.</summary>
    public static string? Message(string field, FieldError? error, string? locale)
        => error is null ? null : Localized.IsEnglish(locale)
            ? $"{ReportTexts.FieldLabel(field).En} {error.Problem.En}."
            : $"{ReportTexts.FieldLabel(field).Zh}{error.Problem.Zh}。";
}
