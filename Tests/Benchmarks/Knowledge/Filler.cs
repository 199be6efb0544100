using Cppcc.Bot.Knowledge;
using Cppcc.Bot.Knowledge.Retrieval;

namespace Cppcc.Benchmarks.Knowledge;

/// <summary>Synthetic filler entries built from the real KB's phrases in random order: realistic Chinese that competes with the real entries.</summary>
internal static class Filler
{
    public static List<KnowledgeEntry> Make(IReadOnlyList<KnowledgeEntry> real, int count)
    {
        var phrases = real.SelectMany(e => e.Answer.Split(['，', '。', '、', '；', '：', '\n', ' ', '（', '）', '“', '”', '*', '-'], StringSplitOptions.RemoveEmptyEntries))
            .Where(p => p.Length is >= 2 and <= 8).Distinct().ToArray();
        var random = new Random(42);
        string Phrases(int n) => string.Concat(Enumerable.Range(0, n).Select(_ => phrases[random.Next(phrases.Length)]));
        return Enumerable.Range(0, count).Select(i => new KnowledgeEntry
        {
            Id = $"filler-{i}",
            Questions = [Phrases(2) + "？", Phrases(3) + "？"],
            Answer = string.Join("，", Enumerable.Range(0, 5).Select(_ => Phrases(3))) + "。",
            Source = "filler",
            Audience = (KnowledgeAudience)(i % 3),
        }).ToList();
    }
}

/// <summary>The dictionary-free baseline: overlapping character bigrams plus whole Latin words.</summary>
internal sealed class BigramTokenizer : IChineseTokenizer
{
    public string Name => "bigram";

    public IReadOnlyList<string> Tokenize(string normalized)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < normalized.Length)
        {
            var start = i;
            if (ChineseTextNormalizer.IsHan(normalized[i]))
            {
                while (i < normalized.Length && ChineseTextNormalizer.IsHan(normalized[i]))
                {
                    i++;
                }

                tokens.AddRange(i - start == 1 ? [normalized.Substring(start, 1)] : Enumerable.Range(start, i - start - 1).Select(k => normalized.Substring(k, 2)));
            }
            else if (char.IsLetterOrDigit(normalized[i]))
            {
                while (i < normalized.Length && char.IsLetterOrDigit(normalized[i]) && !ChineseTextNormalizer.IsHan(normalized[i]))
                {
                    i++;
                }

                tokens.Add(normalized[start..i]);
            }
            else
            {
                i++;
            }
        }

        return tokens;
    }
}
