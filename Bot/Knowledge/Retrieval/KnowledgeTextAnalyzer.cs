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
    /// The content words of a question: no particles or question words, no word contained in a longer one. A question
    /// made only of such words ("你是谁") keeps them all, or it could never match anything.
    /// </summary>
    public List<string> ContentWords(string question) => ContentWords(question, null);

    /// <summary>
    /// As <see cref="ContentWords(string)"/>, but where the segmenter split a word the knowledge base uses ("退|回来",
    /// "打|回"), that word is taken instead: the KB's own vocabulary acts as a user dictionary.
    /// </summary>
    public List<string> ContentWords(string question, IReadOnlySet<string>? vocabulary)
    {
        var all = Segment(question, vocabulary);
        var words = WithoutStopWords(all);
        return Outermost(words.Count == 0 ? all : words);
    }

    /// <summary>The content words without the fallback: empty when the question is only question words and particles.</summary>
    public List<string> TopicWords(string question, IReadOnlySet<string>? vocabulary) => Outermost(WithoutStopWords(Segment(question, vocabulary)));

    private List<string> Segment(string question, IReadOnlySet<string>? vocabulary)
    {
        var segmented = Words(question);
        if (vocabulary is not null)
        {
            segmented = KnownWords.Merge(ChineseTextNormalizer.Normalize(question), segmented, vocabulary);
        }

        return segmented.Distinct(StringComparer.Ordinal).ToList();
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
