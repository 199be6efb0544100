using System.Globalization;
using Cppcc.Dialogs.Framework;

namespace Cppcc.Dialogs.Reports;

/// <summary>Showing what users typed safely: as plain text in cards, Markdown-escaped in text replies.</summary>
public static class ReportFormat
{
    /// <summary>User text in a text reply: see <see cref="Root.PlainText.Markdown"/>.</summary>
    public static string Markdown(string? text) => Root.PlainText.Markdown(text);

    /// <summary>A time in the office's zone (China time by default), <c>2026-11-27 10:00</c>.</summary>
    public static string Time(DateTimeOffset at, OfficeTime office)
        => office.Local(at).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>True for <c>SQ-2026-000001</c> / <c>JY-2026-000001</c> (already normalized).</summary>
    public static bool IsReference(string? text)
        => text is { Length: 14 } && (text.StartsWith("SQ-", StringComparison.Ordinal) || text.StartsWith("JY-", StringComparison.Ordinal))
           && text[7] == '-' && text.AsSpan(3, 4).IndexOfAnyExceptInRange('0', '9') < 0 && text.AsSpan(8).IndexOfAnyExceptInRange('0', '9') < 0;

    /// <summary>A submitted card field as trimmed text; null when absent or blank (inputs send "" for what was left empty).</summary>
    public static string? Field(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    /// <summary>Normalizes a typed reference (<c>sq-2026-000001</c>, full-width) to <c>SQ-2026-000001</c>.</summary>
    public static string Reference(string? text) => Framework.InputText.Fold(text).ToUpperInvariant();
}
