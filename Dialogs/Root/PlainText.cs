using System.Globalization;
using System.Text;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Root;

/// <summary>
/// What a visitor or member typed (titles, report text, questions, names), shown to others exactly as typed: never a
/// link, image, mention, HTML or formatting. Text replies are rendered as Markdown with some HTML by Teams and Web
/// Chat, so there the text is escaped; in Adaptive Cards it goes into a RichTextBlock TextRun, which the card schema
/// never parses as Markdown. Every piece of user text that reaches staff goes through one of these.
/// </summary>
public static class PlainText
{
    /// <summary>
    /// Escapes <paramref name="text"/> for a Markdown text reply: HTML as entities (<c>&lt;at&gt;</c> is no mention),
    /// Markdown syntax with backslashes (<c>[x](https://…)</c> is no link, <c>![x](…)</c> no image), and <c>:</c> and
    /// <c>.</c> too, so a bare address or domain is not turned into a link by the client's linkifier.
    /// </summary>
    public static string Markdown(string? text)
    {
        var clean = Clean(text);
        var builder = new StringBuilder(clean.Length + 8);
        foreach (var c in clean)
        {
            switch (c)
            {
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '&': builder.Append("&amp;"); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '(' or ')' or '{' or '}' or '#' or '!' or '|' or '~'
                    or '+' or '-' or '.' or ':' or '=':
                    builder.Append('\\').Append(c);
                    break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// <paramref name="url"/> as the target of a Markdown link <c>[text](target)</c>: a space or <c>)</c> would end the
    /// target early (the rest showing as text, or a ')' in the address cutting it short), so these, <c>(</c>, angle brackets
    /// and other characters an address may not hold raw are percent-encoded. The address it leads to is unchanged.
    /// </summary>
    public static string LinkTarget(string url)
    {
        var target = Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) ? uri.AbsoluteUri : Uri.EscapeDataString(url);
        return target.Replace("(", "%28", StringComparison.Ordinal).Replace(")", "%29", StringComparison.Ordinal);
    }

    /// <summary>A card element showing <paramref name="text"/> as it is.</summary>
    public static JObject Block(string? text, bool subtle = false)
    {
        var run = Run(text);
        if (subtle)
        {
            run["isSubtle"] = true;
        }

        return new JObject { ["type"] = "RichTextBlock", ["inlines"] = new JArray { run } };
    }

    /// <summary>A card element: our bold <paramref name="label"/>, then <paramref name="value"/> as it is.</summary>
    public static JObject Block(string label, string? value)
    {
        var inlines = new JArray { new JObject { ["type"] = "TextRun", ["text"] = label, ["weight"] = "Bolder" } };
        if (!string.IsNullOrEmpty(value))
        {
            inlines.Add(Run((label.EndsWith('：') ? "" : " ") + value));
        }

        return new JObject { ["type"] = "RichTextBlock", ["inlines"] = inlines };
    }

    /// <summary>
    /// Drops control characters (line breaks and tabs stay) and bidirectional overrides, which could make text
    /// read differently from what it is (a reversed address, a hidden word).
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            var keep = c is '\n' or '\t'
                       || (category != UnicodeCategory.Control && category != UnicodeCategory.Format)
                       || c == '\u200D'; // joins emoji sequences; harmless
            if (keep)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static JObject Run(string? text) => new() { ["type"] = "TextRun", ["text"] = Clean(text) };
}
