namespace Cppcc.Bot.Knowledge.Retrieval;

/// <summary>Words of a text with their in-word bigrams and characters, for partial matches.</summary>
internal sealed class TermSet
{
    public TermSet(IEnumerable<string> words)
    {
        Words = words.ToHashSet(StringComparer.Ordinal);
        Grams = Words.SelectMany(KnowledgeTextAnalyzer.Grams).ToHashSet(StringComparer.Ordinal);
        Chars = Words.SelectMany(w => w).ToHashSet();
    }

    public HashSet<string> Words { get; }
    public HashSet<string> Grams { get; }
    public HashSet<char> Chars { get; }
}

/// <summary>The content words of a question, their weights and the synonyms present in the KB.</summary>
internal sealed class QueryWords(List<string> words, double[] weights, string[][] synonyms)
{
    /// <summary>Character pairs of the question's topic phrases, and their weights (see <see cref="PhraseGrams"/>).</summary>
    public string[] Pairs { get; init; } = [];
    public double[] PairWeights { get; init; } = [];

    /// <summary>The kinds of fact the question's own question words ask for ("多久", "几个").</summary>
    public AnswerKind Asks { get; init; }

    public List<string> Words => words;
    public double[] Weights => weights;
    public string[][] Synonyms => synonyms;
    public TermSet Terms { get; } = new(words);
}

/// <summary>One of an entry's own questions, weighed once per snapshot.</summary>
internal sealed class QuestionTerms(List<string> words, IEnumerable<string> shared)
{
    public List<string> Words => words;
    public TermSet Terms { get; } = new(words);

    /// <summary>This question's words with the entry's tags and heading: what the question covers on its own.</summary>
    public TermSet Scope { get; } = new(words.Concat(shared));

    /// <summary>Character pairs of this question with the entry's tags and heading (see <see cref="PhraseGrams"/>).</summary>
    public HashSet<string> Pairs { get; init; } = [];
    public double[] Weights { get; private set; } = [];
    public string[][] Synonyms { get; private set; } = [];
    public double Total { get; private set; }

    /// <param name="weight">A word's weight.</param>
    /// <param name="synonyms">The words that count for a word of this question when the user's question has them instead.</param>
    public void Weigh(Func<string, double> weight, Func<string, IEnumerable<string>> synonyms)
    {
        Weights = words.Select(weight).ToArray();
        Synonyms = words.Select(w => synonyms(w).Distinct(StringComparer.Ordinal).ToArray()).ToArray();
        Total = Weights.Sum();
    }
}

/// <summary>Everything the index keeps about one entry besides the Lucene document.</summary>
internal sealed record EntryTerms(TermSet Question, TermSet Answer, List<QuestionTerms> Questions,
    IReadOnlyList<string> QuestionTokens, IReadOnlyList<string> AnswerTokens)
{
    /// <summary>Every pair of adjacent Chinese characters anywhere in the entry: its questions, tags, heading and answer.</summary>
    public HashSet<string> Pairs { get; init; } = [];

    /// <summary>The pairs of the answer text alone.</summary>
    public HashSet<string> AnswerPairs { get; init; } = [];

    /// <summary>The kinds of fact the answer text holds (a length of time, an amount, a moment).</summary>
    public AnswerKind Holds { get; init; }
}
