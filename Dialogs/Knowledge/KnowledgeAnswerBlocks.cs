using System.Text.RegularExpressions;
using Cppcc.Dialogs.Framework.Cards;

namespace Cppcc.Dialogs.Knowledge;

/// <summary>
/// Turns a curated Markdown answer into Adaptive Card TextBlocks that Teams and Web Chat render alike. A TextBlock
/// treats a single line break as a space, so every line of a paragraph becomes its own block (no gap between them),
/// consecutive list lines stay together as one Markdown list, and headings, which TextBlocks do not support, become bold.
/// </summary>
internal static partial class KnowledgeAnswerBlocks
{
    /// <summary>The paragraphs of <paramref name="markdown"/>, in reading order, with how each is shown.</summary>
    public static IReadOnlyList<(string Text, CardTextStyle Style)> From(string markdown)
    {
        var blocks = new List<(string Text, CardTextStyle Style)>();
        var list = new List<string>();
        var newParagraph = true;

        void FlushList()
        {
            if (list.Count > 0)
            {
                blocks.Add(Block(string.Join("\n", list), newParagraph));
                newParagraph = false;
                list.Clear();
            }
        }

        foreach (var raw in markdown.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.Trim().Length == 0)
            {
                FlushList();
                newParagraph = true;
                continue;
            }

            if (ListItem().Match(line) is { Success: true } item)
            {
                // "*" and "+" bullets are written as "-", the form both clients render as a list inside a TextBlock.
                var marker = char.IsDigit(item.Groups["marker"].Value[0]) ? item.Groups["marker"].Value : "-";
                list.Add(item.Groups["indent"].Value + marker + " " + item.Groups["text"].Value);
                continue;
            }

            FlushList();
            var block = Heading().Match(line) is { Success: true } heading
                ? (heading.Groups["text"].Value, CardTextStyle.Bold)
                : Block(line.Trim(), newParagraph);
            blocks.Add(block);
            newParagraph = false;
        }

        FlushList();
        return blocks;
    }

    private static (string Text, CardTextStyle Style) Block(string text, bool spaced)
        => (text, spaced ? CardTextStyle.None : CardTextStyle.Tight);

    [GeneratedRegex(@"^(?<indent>\s*)(?<marker>[-*+]|\d{1,3}\.)\s+(?<text>.+)$")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^\s{0,3}#{1,6}\s+(?<text>.+?)\s*#*$")]
    private static partial Regex Heading();
}
