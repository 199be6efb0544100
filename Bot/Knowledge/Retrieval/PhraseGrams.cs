namespace Cppcc.Bot.Knowledge.Retrieval;

/// <summary>
/// Pairs of adjacent Chinese characters, the unit that survives a segmenter splitting a phrase differently in the
/// question and in the entry ("闭会期间" / "闭会|期间", "案由案据" / "案由、案据"). A question's pairs are taken inside
/// its topic phrases only: runs of words that are not question words or particles, so "还能提提案吗" gives 提提, 提案
/// and never 能提.
/// </summary>
public static class PhraseGrams
{
    /// <summary>The pairs of every run of Chinese characters in <paramref name="normalized"/> text.</summary>
    public static IEnumerable<string> OfText(string normalized)
    {
        for (var i = 0; i + 1 < normalized.Length; i++)
        {
            if (ChineseTextNormalizer.IsHan(normalized[i]) && ChineseTextNormalizer.IsHan(normalized[i + 1]))
            {
                yield return normalized.Substring(i, 2);
            }
        }
    }

    /// <summary>The pairs of the question's topic phrases, from its segmented <paramref name="words"/> in order.</summary>
    public static IEnumerable<string> OfQuestion(IReadOnlyList<string> words)
    {
        var run = new System.Text.StringBuilder();
        foreach (var word in words.Append(string.Empty))
        {
            if (word.Length > 0 && word.All(ChineseTextNormalizer.IsHan) && !KnowledgeStopWords.Words.Contains(word))
            {
                run.Append(word);
                continue;
            }

            foreach (var pair in OfText(run.ToString()))
            {
                yield return pair;
            }

            run.Clear();
        }
    }
}
