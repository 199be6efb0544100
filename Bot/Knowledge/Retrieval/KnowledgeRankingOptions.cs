namespace Cppcc.Bot.Knowledge.Retrieval;

/// <summary>
/// Ranking weights. The defaults were measured on the evaluation set (Tests/Benchmarks/Knowledge); change them only
/// with the benchmark at hand.
/// </summary>
public sealed record KnowledgeRankingOptions
{
    /// <summary>BM25 boost of a word found among the entry's questions, tags or heading...</summary>
    public float QuestionBoost { get; init; } = 3f;

    /// <summary>...versus found in its answer text.</summary>
    public float AnswerBoost { get; init; } = 1f;

    /// <summary>BM25 boost of in-word character bigrams relative to whole words.</summary>
    public float GramBoost { get; init; } = 0.5f;

    /// <summary>BM25 boost of a synonym relative to the word the user typed.</summary>
    public float SynonymBoost { get; init; } = 0.6f;

    /// <summary>Confidence credit for a word found only in the answer text (1 = among the questions).</summary>
    public double AnswerCredit { get; init; } = 0.6;

    public double SynonymCredit { get; init; } = 0.8;

    /// <summary>Credit when only the word's character bigrams are found.</summary>
    public double GramCredit { get; init; } = 0.7;

    /// <summary>Credit for a single character found inside one of the entry's words.</summary>
    public double CharCredit { get; init; } = 0.4;

    /// <summary>Share of the confidence from the single closest question (both ways) rather than the whole entry.</summary>
    public double QuestionSimilarityWeight { get; init; } = 0.6;

    /// <summary>Share of the BM25 score (relative to the best hit) in the final order; the rest is the confidence.</summary>
    public double ScoreWeight { get; init; } = 0.4;

    /// <summary>On a near tie a curated Q&amp;A entry goes before a passage of a long document.</summary>
    public double PassagePenalty { get; init; } = 0.03;

    /// <summary>
    /// Weight, relative to a longer word the KB never uses ("工资"), of a one-character word it never uses ("走", "开",
    /// "完"): mostly everyday verbs of a colloquial question that say little about its topic.
    /// </summary>
    public double UnknownCharWeight { get; init; } = 0.3;

    /// <summary>Weight, relative to the rarest KB pair, of a character pair of the question found nowhere in the KB.</summary>
    public double UnknownPairWeight { get; init; } = 0.5;

    /// <summary>Credit for a topic-phrase pair found only in the answer text (1 = in the question itself).</summary>
    public double PairAnswerCredit { get; init; } = 0.9;

    /// <summary>Share of the confidence from the question's topic phrases found, as character pairs, anywhere in the entry.</summary>
    public double PairWeight { get; init; } = 0.3;

    /// <summary>
    /// General-corpus IDF at and above which a word the KB never uses weighs in full; a more common one weighs in
    /// proportion (see <see cref="CommonWords"/>). 0 weighs every such word in full. Measured: 6 and 7 change little,
    /// 9 and above answer more but wrongly more often too.
    /// </summary>
    public double CommonWordIdf { get; init; } = 8;

    /// <summary>Whether the everyday synonym groups of <see cref="GeneralThesaurus"/> widen the words of questions and entries.</summary>
    public bool GeneralSynonyms { get; init; } = true;

    /// <summary>Weight, relative to its rarity, of the predicate of a yes/no question (see <see cref="KnowledgeTextAnalyzer.YesNoPredicate"/>).</summary>
    public double YesNoPredicateWeight { get; init; } = 1.5;

    /// <summary>Share of the confidence from how much of the question the answer text itself covers.</summary>
    public double AnswerSupportWeight { get; init; } = 0.15;

    /// <summary>Share of the confidence lost by an entry whose answer lacks the kind of fact asked for (see <see cref="AnswerKinds"/>).</summary>
    public double AnswerKindPenalty { get; init; } = 0.4;

    /// <summary>Where the answer and suggestion thresholds fall among the KB's own impostor and probe scores.</summary>
    public CalibrationQuantiles Calibration { get; init; } = new();

    /// <summary>How many BM25 hits get a confidence computed.</summary>
    public int CandidatePool { get; init; } = 20;
}
