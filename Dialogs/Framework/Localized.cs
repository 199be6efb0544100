using System.Globalization;
using Microsoft.Bot.Builder;

namespace Cppcc.Dialogs.Framework;

/// <summary>A user-facing text in Chinese (the working language) and English (a courtesy).</summary>
/// <param name="Zh">zh-CN text, used unless the activity's locale is English.</param>
/// <param name="En">English text.</param>
public sealed record Localized(string Zh, string En)
{
    /// <summary>True when the locale asks for English (e.g. <c>en-US</c>).</summary>
    public static bool IsEnglish(string? locale) => locale?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>The text for a locale.</summary>
    public string For(string? locale) => IsEnglish(locale) ? En : Zh;

    /// <summary>The text for the locale of the turn's activity.</summary>
    public string For(ITurnContext turn) => For(turn.Activity.Locale);

    /// <summary>The text for the turn's locale, formatted with <paramref name="args"/>.</summary>
    public string Format(ITurnContext turn, params object?[] args) => Format(turn.Activity.Locale, args);

    /// <summary>The text for <paramref name="locale"/>, formatted with <paramref name="args"/>.</summary>
    public string Format(string? locale, params object?[] args)
        => string.Format(CultureInfo.InvariantCulture, For(locale), args);
}
