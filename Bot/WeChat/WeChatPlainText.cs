using System.Text.RegularExpressions;

namespace Cppcc.Bot.WeChat;

/// <summary>
/// Markdown as a WeChat user should read it. Replies are written for Teams and Web Chat, where user text is escaped
/// (<c>2026\-01</c>, <c>&amp;lt;</c>) and sources are links; WeChat shows text as it is, so the escapes would show
/// and a link would read as brackets. Here a link becomes its text with the address after it, and escapes are undone.
/// </summary>
public static partial class WeChatPlainText
{
    public static string Of(string markdown)
    {
        var text = Link().Replace(markdown, m => $"{Unescape(m.Groups["text"].Value)}（{m.Groups["url"].Value}）");
        return Unescape(text.Replace("**", ""));
    }

    // Entities last but one and &amp; last, so "&amp;lt;" (a user who typed "&lt;") reads back as typed.
    private static string Unescape(string text)
        => Escaped().Replace(text, "$1").Replace("&lt;", "<").Replace("&gt;", ">").Replace("&amp;", "&");

    /// <summary>[text](url), where the text may hold escaped brackets and the url holds no space or ")" (escaped as %29).</summary>
    [GeneratedRegex(@"\[(?<text>(?:\\.|[^\]\\])*)\]\((?<url>[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex(@"\\([\\`*_\[\]()\{\}#!|~+\-.:=])")]
    private static partial Regex Escaped();
}
