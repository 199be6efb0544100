using System.Globalization;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Cppcc.Dialogs.Reports;

/// <summary>The proactive messages of the feature (texts stay in <see cref="ReportTexts"/>), built by the host when it notifies.</summary>
public static class ReportMessages
{
    /// <summary>Tells staff that something was filed (or resubmitted).</summary>
    public static IMessageActivity NewReport(ReportKind kind, string reference, string category, string? locale)
        => Text(locale, Format(ReportTexts.NewReportNotice, locale, kind.Label().For(locale), reference, category));

    /// <summary>Tells the author their report moved; the note is the staff's reason, reply or remark (escaped).</summary>
    public static IMessageActivity StateChanged(ReportKind kind, string reference, ReportState state, string? note, bool needsCode, string? locale)
    {
        var text = Format(ReportTexts.AuthorNotice, locale, kind.Label().For(locale), reference, state.Label().For(locale));
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
