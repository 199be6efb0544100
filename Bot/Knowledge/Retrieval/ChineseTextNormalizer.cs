using System.Text;

namespace Cppcc.Bot.Knowledge.Retrieval;

/// <summary>
/// Folds what users type into one comparable form before segmentation: NFKC (full-width letters, digits and
/// punctuation become half-width), lower case, traditional characters to simplified, and no whitespace between
/// Chinese characters ("集中 学习" is "集中学习"). The same folding runs at index time and query time.
/// </summary>
public static class ChineseTextNormalizer
{
    // Single-character traditional -> simplified pairs (2,966), generated from OpenCC's TSCharacters table
    // (Apache-2.0). No OpenCC package is served to us; phrase-level conversion is not needed for retrieval.
    private static readonly Dictionary<char, char> TraditionalToSimplified = LoadTable();

    public static string Normalize(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return string.Empty;
        }

        var folded = text.Normalize(NormalizationForm.FormKC).ToLowerInvariant();
        var builder = new StringBuilder(folded.Length);
        foreach (var ch in folded)
        {
            if (char.IsWhiteSpace(ch))
            {
                // Keep a single space only where it separates two non-Chinese words ("my reports").
                if (builder.Length > 0 && builder[^1] != ' ' && !IsHan(builder[^1]))
                {
                    builder.Append(' ');
                }

                continue;
            }

            var mapped = TraditionalToSimplified.TryGetValue(ch, out var simplified) ? simplified : ch;
            if (IsHan(mapped) && builder.Length > 0 && builder[^1] == ' ')
            {
                builder.Length--;
            }

            builder.Append(mapped);
        }

        return builder.ToString().Trim();
    }

    public static bool IsHan(char ch) => ch is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';

    private static Dictionary<char, char> LoadTable()
    {
        var map = new Dictionary<char, char>();
        foreach (var line in EmbeddedText.Lines("t2s.txt"))
        {
            if (line.Length == 2)
            {
                map[line[0]] = line[1];
            }
        }

        return map;
    }
}
