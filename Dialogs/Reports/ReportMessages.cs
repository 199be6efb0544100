using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Cppcc.Dialogs.Reports;

/// <summary>The proactive messages of the feature (texts stay in <see cref="ReportTexts"/>), built by the host when it notifies.</summary>
public static class ReportMessages
{
    /// <summary>Tells staff that something was filed (or resubmitted).</summary>
    public static IMessageActivity NewReport(ReportKind kind, string reference, string category, string? locale, bool resubmitted = false)
        => Text(locale, Format(resubmitted ? ReportTexts.ResubmittedNotice : ReportTexts.NewReportNotice, locale, kind.Label().For(locale), reference, category));

    /// <summary>Tells the author their report moved, with the department, level and the staff's note (escaped).</summary>
    public static IMessageActivity StateChanged(ReportKind kind, string reference, ReportHistoryEntry step, bool needsCode, string? locale)
    {
        var text = Format(ReportTexts.AuthorNotice, locale, kind.Label().For(locale), reference, step.To.Label().For(locale));
        if (step.Department is { } department)
        {
            text += "\n\n" + Format(ReportTexts.DepartmentLabel, locale, ReportFormat.Markdown(department));
        }

        if (step.Level is { } level)
        {
            text += "\n\n" + Format(ReportTexts.LevelLabel, locale, level.Label().For(locale));
        }

        var note = step.Note;
        if (!string.IsNullOrWhiteSpace(note))
        {
            text += "\n\n" + Format(ReportTexts.AuthorNoticeNote, locale, ReportFormat.Markdown(note));
        }

        text += "\n\n" + Format(needsCode ? ReportTexts.AuthorNoticeFollowWithCode : ReportTexts.AuthorNoticeFollow, locale, reference);
        return Text(locale, text);
    }

    private static string Format(Framework.Localized text, string? locale, params object?[] args)
        => string.Format(CultureInfo.InvariantCulture, text.For(locale), args);

    private static IMessageActivity Text(string? locale, string text)
    {
        var activity = MessageFactory.Text(text);
        activity.Locale = locale;
        return activity;
    }
}
