namespace Cppcc.Bot.Knowledge.Retrieval;

/// <summary>
/// Turns text into the terms the index and the confidence work on: normalized (see
/// <see cref="ChineseTextNormalizer"/>), segmented into words, and for the confidence reduced to content words.
/// "Grams" are the character bigrams inside one word, so a word segmented differently in the question and in the
/// entry (履职积分 / 积分) still meets.
/// </summary>
public sealed class KnowledgeTextAnalyzer(IChineseTokenizer tokenizer, KnowledgeSynonyms synonyms)
{
    public KnowledgeSynonyms Synonyms => synonyms;

    public IReadOnlyList<string> Words(string text) => tokenizer.Tokenize(ChineseTextNormalizer.Normalize(text));

    /// <summary>
    /// The content words of a question: no particles or question words, no word contained in a longer one. A message
    /// made only of such words ("对", "是吗", "为什么") has none and finds nothing: it names no topic, and its one
    /// character would otherwise "cover" any passage that happens to contain it. (Small talk such as "你是谁" is
    /// answered before the knowledge base is asked.)
    /// </summary>
    public List<string> ContentWords(string question) => ContentWords(question, null);

    /// <summary>
    /// As <see cref="ContentWords(string)"/>, but where the segmenter split a word the knowledge base uses ("退|回来",
    /// "打|回"), that word is taken instead: the KB's own vocabulary acts as a user dictionary.
    /// </summary>
    public List<string> ContentWords(string question, IReadOnlySet<string>? vocabulary) => Read(question, vocabulary).Content;

    /// <summary>
    /// The question's words in order (re-joined by <paramref name="vocabulary"/>) and its content words, segmented once
    /// (or not at all when the caller already has its <paramref name="segmented"/> words).
    /// </summary>
    public (List<string> Words, List<string> Content) Read(string question, IReadOnlySet<string>? vocabulary, IReadOnlyList<string>? segmented = null)
    {
        segmented ??= Words(question);
        if (vocabulary is not null)
        {
            segmented = KnownWords.Merge(ChineseTextNormalizer.Normalize(question), segmented, vocabulary);
        }

        var sequence = WithoutYesNo(segmented);
        var words = WithoutStopWords(sequence.Where(w => w.Length > 0).Distinct(StringComparer.Ordinal).ToList());
        return (sequence, Outermost(words));
    }

    /// <summary>
    /// The sequence with each "A不A" / "A没A" question ("能不能", "算不算", "可不可以", "有没有", as the segmenter splits them)
    /// blanked out: it asks yes or no and says nothing about the topic, and a lone "不" must not count as a topic word.
    /// </summary>
    private static List<string> WithoutYesNo(IReadOnlyList<string> words)
    {
        var result = words.ToList();
        for (var i = 1; i + 1 < result.Count; i++)
        {
            if (result[i] is "不" or "没" && result[i - 1].Length > 0 && result[i + 1].Length > 0 && result[i - 1][0] == result[i + 1][0]
                && ChineseTextNormalizer.IsHan(result[i - 1][0]))
            {
                result[i - 1] = result[i] = result[i + 1] = string.Empty;
            }
        }

        return result;
    }

    /// <summary>
    /// Where among <paramref name="content"/> the predicate of a yes/no question is: the last content word before its
    /// final "吗" ("提案提交以后还能<b>撤回</b>吗", "视察的交通费能<b>报销</b>吗"). It is what the user wants to know, so an
    /// entry that lacks it answers another question, however much of the rest it shares.
    /// </summary>
    public static int? YesNoPredicate(IReadOnlyList<string> sequence, List<string> content)
    {
        var end = sequence.ToList().FindLastIndex(w => w is "吗" or "么" or "嘛");
        for (var k = end - 1; k >= 0; k--)
        {
            if (sequence[k].Length > 0 && content.IndexOf(sequence[k]) is >= 0 and var at)
            {
                return at;
            }
        }

        return null;
    }

    private static List<string> WithoutStopWords(List<string> words) => words.Where(w => !KnowledgeStopWords.Words.Contains(w)).ToList();

    private static List<string> Outermost(List<string> words)
        => words.Where(w => !words.Any(o => o.Length > w.Length && o.Contains(w, StringComparison.Ordinal))).ToList();

    public static IEnumerable<string> Grams(string word)
    {
        if (word.Length == 1 || !word.All(ChineseTextNormalizer.IsHan))
        {
            yield return word;
            yield break;
        }

        for (var i = 0; i + 1 < word.Length; i++)
        {
            yield return word.Substring(i, 2);
        }
    }
}
