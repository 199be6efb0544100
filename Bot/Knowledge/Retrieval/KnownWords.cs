namespace Cppcc.Bot.Knowledge.Retrieval;

/// <summary>
/// Re-joins words the segmenter split differently from the knowledge base: SmartCn reads "退回来" as "退|回来" and
/// "打回" as "打|回", while the KB (and its synonyms) know "退回" and "打回". Forward longest match over the KB's words,
/// only where a KB word spans a segment boundary; everything else keeps SmartCn's segmentation.
/// </summary>
internal static class KnownWords
{
    private const int MaxLength = 6;

    public static IReadOnlyList<string> Merge(string text, IReadOnlyList<string> tokens, IReadOnlySet<string> vocabulary)
    {
        var spans = new List<(int Start, string Token)>(tokens.Count);
        var position = 0;
        foreach (var token in tokens)
        {
            var at = text.IndexOf(token, position, StringComparison.Ordinal);
            if (at < 0)
            {
                return tokens;
            }

            spans.Add((at, token));
            position = at + token.Length;
        }

        var merged = new List<string>(tokens.Count);
        for (var k = 0; k < spans.Count;)
        {
            var (start, token) = spans[k];
            var known = Longest(text, start, token.Length, vocabulary);
            if (known is null)
            {
                merged.Add(token);
                k++;
                continue;
            }

            merged.Add(known);
            var end = start + known.Length;
            for (k++; k < spans.Count && spans[k].Start < end; k++)
            {
                var (nextStart, next) = spans[k];
                if (nextStart + next.Length > end)
                {
                    // The known word ends inside this segment: keep what is left of it ("回来" -> "来").
                    spans[k] = (end, next[(end - nextStart)..]);
                    break;
                }
            }
        }

        return merged;
    }

    private static string? Longest(string text, int start, int tokenLength, IReadOnlySet<string> vocabulary)
    {
        if (!ChineseTextNormalizer.IsHan(text[start]))
        {
            return null;
        }

        for (var length = Math.Min(MaxLength, text.Length - start); length > tokenLength; length--)
        {
            var candidate = text.Substring(start, length);
            if (candidate.All(ChineseTextNormalizer.IsHan) && vocabulary.Contains(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
