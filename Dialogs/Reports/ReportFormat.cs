using System.Globalization;
using Cppcc.Dialogs.Framework.Prompts;

namespace Cppcc.Dialogs.Reports;

/// <summary>Showing what users typed safely: as plain text in cards, Markdown-escaped in text replies.</summary>
public static class ReportFormat
{
    /// <summary>User text in a text reply: see <see cref="Root.PlainText.Markdown"/>.</summary>
    public static string Markdown(string? text) => Root.PlainText.Markdown(text);

    /// <summary>A time in China time, <c>2026-11-27 10:00</c>.</summary>
    public static string Time(DateTimeOffset at)
        => TimeZoneInfo.ConvertTime(at, DateTimeText.ChinaStandardTime).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>True for <c>SQ-2026-000001</c> / <c>JY-2026-000001</c> (already normalized).</summary>
    public static bool IsReference(string? text)
        => text is { Length: 14 } && (text.StartsWith("SQ-", StringComparison.Ordinal) || text.StartsWith("JY-", StringComparison.Ordinal))
           && text[7] == '-' && text.AsSpan(3, 4).IndexOfAnyExceptInRange('0', '9') < 0 && text.AsSpan(8).IndexOfAnyExceptInRange('0', '9') < 0;

    /// <summary>Normalizes a typed reference (<c>sq-2026-000001</c>, full-width) to <c>SQ-2026-000001</c>.</summary>
    public static string Reference(string? text) => Framework.InputText.Fold(text).ToUpperInvariant();
}
