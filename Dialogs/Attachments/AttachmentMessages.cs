using System.Globalization;
using Cppcc.Dialogs.Reports;
using Cppcc.Dialogs.Root;

namespace Cppcc.Dialogs.Attachments;

/// <summary>
/// What the host tells a sender about the files they send in the chat (Chinese: the office's working language; members
/// use Teams in Chinese). One line per file; the host joins them.
/// </summary>
public static class AttachmentMessages
{
    /// <summary>There is no report (members) or suggestion (public) of the sender's from the last day to keep files with.</summary>
    public static string NoRecentFiling(ReportKind kind) => kind == ReportKind.Report ? AttachmentTexts.NoReport : AttachmentTexts.NoSuggestion;

    /// <summary>A file kept as the <paramref name="number"/>th of <paramref name="reference"/>.</summary>
    public static string Attached(string fileName, string reference, int number) => Format(AttachmentTexts.Attached, PlainText.Markdown(fileName), reference, number);

    /// <summary>A file that could not be fetched from the channel.</summary>
    public static string NotDownloaded(string name) => Format(AttachmentTexts.NotDownloaded, Shown(name));

    /// <summary>A file over the size limit.</summary>
    public static string TooLarge(string name) => Format(AttachmentTexts.TooLarge, Shown(name));

    /// <summary>A file whose bytes are none of the accepted types.</summary>
    public static string WrongType(string name) => Format(AttachmentTexts.WrongType, Shown(name));

    /// <summary>A file refused because <paramref name="reference"/> already holds the most files a report may hold.</summary>
    public static string TooMany(string reference, string name) => Format(AttachmentTexts.TooMany, reference, Shown(name));

    // Inline images come without a name; a name is the sender's text, shown in a Markdown reply as typed.
    private static string Shown(string name) => string.IsNullOrWhiteSpace(name) ? AttachmentTexts.Unnamed : PlainText.Markdown(name);

    private static string Format(string text, params object[] args) => string.Format(CultureInfo.InvariantCulture, text, args);
}
