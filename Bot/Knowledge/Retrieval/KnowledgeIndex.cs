using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Cppcc.Bot.Knowledge.Retrieval;

/// <summary>A ranked candidate: BM25 <paramref name="Score"/> (unbounded) and <paramref name="Confidence"/> in [0, 1].</summary>
public sealed record KnowledgeCandidate(KnowledgeEntry Entry, float Score, double Confidence)
{
    /// <summary>Share of the question's content (IDF-weighted) the entry covers.</summary>
    public double Coverage { get; init; }

    /// <summary>Closeness (F1) to the entry's nearest own question.</summary>
    public double Closeness { get; init; }

    /// <summary>The blend of confidence and relative BM25 score the candidates are ordered by.</summary>
    public double Rank { get; init; }
}

/// <summary>
/// An immutable in-memory Lucene.Net index over one KB snapshot, ranked with BM25. Questions (plus
/// tags and document headings) and answers are separate fields, each indexed as SmartCn words and as in-word
/// character bigrams. BM25 scores are unbounded and depend on the corpus, so they cannot say "no answer": every hit
/// also gets a <see cref="KnowledgeConfidence"/> in [0, 1], and the order blends both.
/// </summary>
public sealed class KnowledgeIndex : IDisposable
{
    private const string QuestionWords = "qw", AnswerWords = "aw", QuestionGrams = "qb", AnswerGrams = "ab";
    private const string AudienceField = "aud", OrdinalField = "n";

    private readonly KnowledgeTextAnalyzer analyzer;
    private readonly KnowledgeRankingOptions options;
    private readonly KnowledgeEntry[] entries;
    private readonly EntryTerms[] terms;
    private readonly Dictionary<string, double> idf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> pairIdf = new(StringComparer.Ordinal);
    private readonly double unknownIdf;
    private readonly RAMDirectory directory = new();
    private readonly DirectoryReader reader;
    private readonly IndexSearcher searcher;
    private readonly int[] ordinals;
    private readonly KnowledgeConfidence confidence;
    private readonly Dictionary<string, int> byId = new(StringComparer.Ordinal);
    private readonly HashSet<string> vocabulary;
    private readonly HomophoneSpelling spelling;
    private readonly KnowledgeVectors? vectors;
    private readonly float[]?[] entryVectors;

    /// <summary>The callers some entry is hidden from (the public from members' entries, and so on).</summary>
    private readonly HashSet<KnowledgeAudience> hiddenFrom;

    /// <summary>
    /// Builds the index. With <paramref name="vectors"/> (embeddings configured) every confidence is the lexical one
    /// blended with the embedding similarity, calibration included, so the thresholds fit the blended score.
    /// </summary>
    public KnowledgeIndex(IEnumerable<KnowledgeEntry> source, KnowledgeTextAnalyzer analyzer, KnowledgeRankingOptions? options = null,
        KnowledgeVectors? vectors = null)
    {
        this.analyzer = analyzer;
        this.options = options ?? new KnowledgeRankingOptions();
        entries = source.ToArray();
        hiddenFrom = Enum.GetValues<KnowledgeAudience>().Where(caller => entries.Any(e => !e.IsVisibleTo(caller))).ToHashSet();
        this.vectors = vectors;
        entryVectors = entries.Select(e => vectors?.Of(KnowledgeVectors.EntryText(e))).ToArray();
        terms = new EntryTerms[entries.Length];
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var similarity = new BM25Similarity();

        // Two passes: the KB's words (plus the synonyms) are the dictionary that re-joins words SmartCn split
        // differently elsewhere, in the KB's own questions as in the user's.
        var segmented = entries.Select(e => (Question: analyzer.Words(QuestionText(e)), Answer: analyzer.Words(e.Answer))).ToArray();
        vocabulary = segmented.SelectMany(s => s.Question.Concat(s.Answer)).Concat(analyzer.Synonyms.Words)
            .Where(w => w.Length >= 2 && w.All(ChineseTextNormalizer.IsHan)).ToHashSet(StringComparer.Ordinal);
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new PreTokenizedAnalyzer()) { Similarity = similarity }))
        {
            for (var n = 0; n < entries.Length; n++)
            {
                terms[n] = Analyze(entries[n], segmented[n].Question, segmented[n].Answer);
                byId[entries[n].Id] = n;
                foreach (var word in terms[n].Question.Words.Union(terms[n].Answer.Words))
                {
                    documentFrequency[word] = documentFrequency.GetValueOrDefault(word) + 1;
                }

                writer.AddDocument(ToDocument(n, terms[n], entries[n].Audience));
            }

            writer.Commit();
        }

        foreach (var (word, df) in documentFrequency)
        {
            idf[word] = Idf(df);
        }

        foreach (var (pair, df) in terms.SelectMany(t => t.Pairs).CountBy(p => p, StringComparer.Ordinal))
        {
            pairIdf[pair] = Idf(df);
        }

        unknownIdf = Idf(0);
        spelling = new HomophoneSpelling(vocabulary, pairIdf.ContainsKey);
        foreach (var entryTerms in terms)
        {
            foreach (var question in entryTerms.Questions)
            {
                question.Weigh(Weight, w => this.options.GeneralSynonyms ? analyzer.Synonyms.Of(w).Concat(GeneralThesaurus.Default.Of(w)) : analyzer.Synonyms.Of(w));
            }
        }

        confidence = new KnowledgeConfidence(this.options, analyzer.Synonyms);
        reader = DirectoryReader.Open(directory);
        searcher = new IndexSearcher(reader) { Similarity = similarity };
        ordinals = new int[reader.MaxDoc];
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            ordinals[doc] = reader.Document(doc).GetField(OrdinalField).GetInt32Value()!.Value;
        }

        LexicalCalibration = KnowledgeCalibration.Measure(this, wordsOnly: true);
        Calibration = vectors is null ? LexicalCalibration : KnowledgeCalibration.Measure(this, wordsOnly: false);
    }

    /// <summary>Where this KB's confidences fall, measured at load (on the blended confidence when there are vectors).</summary>
    public KnowledgeCalibration Calibration { get; }

    /// <summary>The same by words alone: for a question whose embedding could not be had.</summary>
    public KnowledgeCalibration LexicalCalibration { get; }

    /// <summary>Best candidates visible to <paramref name="caller"/> and in force on <paramref name="today"/>, best first.</summary>
    public IReadOnlyList<KnowledgeCandidate> Search(string question, KnowledgeAudience caller, DateOnly today, int top = 3)
        => Search(question, null, caller, today, top);

    /// <summary>As <see cref="Search(string, KnowledgeAudience, DateOnly, int)"/>, blended with the question's embedding when there is one.</summary>
    public IReadOnlyList<KnowledgeCandidate> Search(string question, float[]? questionVector, KnowledgeAudience caller, DateOnly today, int top = 3)
        => Best(Readings(question).Select(query =>
            Search(query, questionVector, AudienceFilter(caller), n => entries[n].IsVisibleTo(caller) && entries[n].IsInForce(today), top)));

    /// <summary>
    /// The best entry in force for <paramref name="question"/> among all of them, when <paramref name="caller"/> may not
    /// see it; null when the caller sees it (or nothing matches). See <see cref="KnowledgeMatcher.Decide(IReadOnlyList{KnowledgeCandidate}, Func{KnowledgeCandidate?})"/>.
    /// </summary>
    public KnowledgeCandidate? BestHidden(string question, float[]? questionVector, KnowledgeAudience caller, DateOnly today)
        => hiddenFrom.Contains(caller)
            && Best(Readings(question).Select(query => Search(query, questionVector, null, n => entries[n].IsInForce(today), 1))) is [var best, ..]
            && !best.Entry.IsVisibleTo(caller) ? best : null;

    /// <summary>The ranking weights and calibration quantiles this index was built with.</summary>
    public KnowledgeRankingOptions RankingOptions => options;

    /// <summary>True when entry embeddings were loaded (hybrid retrieval).</summary>
    public bool HasVectors => vectors is not null;

    /// <summary>The entries in the index, in order (calibration asks their own questions).</summary>
    public IReadOnlyList<KnowledgeEntry> Entries => entries;

    /// <summary>
    /// Best candidates for <paramref name="question"/> over every entry except <paramref name="excluded"/>: how the
    /// question would fare if its own entry did not exist (calibration).
    /// </summary>
    public IReadOnlyList<KnowledgeCandidate> SearchWithout(string question, int excluded, int top, bool wordsOnly = false)
        => Best(Readings(question).Select(query => Search(query, wordsOnly ? null : vectors?.Of(question), null, n => n != excluded, top)));

    private IReadOnlyList<KnowledgeCandidate> Search(QueryWords query, float[]? questionVector, Filter? filter, Func<int, bool> eligible, int top)
    {
        var hits = searcher.Search(BuildQuery(query), filter, options.CandidatePool).ScoreDocs.ToList();
        var blend = vectors is not null && questionVector is not null;
        if (blend)
        {
            // The entries nearest by meaning join the words' candidates, so a paraphrase sharing no word can still be found.
            var lexical = hits.Select(h => ordinals[h.Doc]).ToHashSet();
            var nearest = Enumerable.Range(0, entries.Length).Where(n => !lexical.Contains(n) && eligible(n))
                .Select(n => (n, Similarity: KnowledgeVectors.Similarity(questionVector, entryVectors[n])))
                .OrderByDescending(x => x.Similarity).Take(KnowledgeVectors.ExtraCandidates);
            hits.AddRange(nearest.Select(x => new ScoreDoc(DocOf(x.n), 0)));
        }

        if (hits.Count == 0)
        {
            return [];
        }

        var topScore = hits.Max(h => h.Score);
        var found = new List<(KnowledgeCandidate Candidate, double Rank)>(hits.Count);
        foreach (var hit in hits)
        {
            var n = ordinals[hit.Doc];
            if (!eligible(n))
            {
                continue;
            }

            var (sure, coverage, closeness) = confidence.Parts(query, terms[n]);
            if (blend)
            {
                sure = KnowledgeVectors.Blend(sure, KnowledgeVectors.Similarity(questionVector, entryVectors[n]));
            }

            var rank = (1 - options.ScoreWeight) * sure + options.ScoreWeight * (topScore > 0 ? hit.Score / topScore : 0)
                - (entries[n].IsPassage ? options.PassagePenalty : 0);
            found.Add((new KnowledgeCandidate(entries[n], hit.Score, sure) { Coverage = coverage, Closeness = closeness, Rank = rank }, rank));
        }

        return found.OrderByDescending(f => f.Rank).Take(top).Select(f => f.Candidate).ToList();
    }

    /// <summary>
    /// The confidence of <paramref name="question"/> against just the entries <paramref name="ids"/> (those the caller
    /// may see and in force), best first: how a short follow-up ("那需要多久？") reads against the entries related to
    /// the previous answer.
    /// </summary>
    public IReadOnlyList<KnowledgeCandidate> Rank(string question, IEnumerable<string> ids, KnowledgeAudience caller, DateOnly today)
    {
        var eligible = ids.Where(byId.ContainsKey).Select(id => byId[id]).Distinct()
            .Where(n => entries[n].IsVisibleTo(caller) && entries[n].IsInForce(today)).ToList();
        return Best(Readings(question).Select(query => eligible
            .Select(n => new KnowledgeCandidate(entries[n], 0, confidence.Of(query, terms[n])))
            .OrderByDescending(c => c.Confidence).ToList()));
    }

    /// <summary>
    /// How many topic words the question has of its own (content words that are not question words or particles):
    /// "那需要多久？" has none, "我想当面找委员聊聊" four.
    /// </summary>
    public int TopicWordCount(string question) => analyzer.ContentWords(question, vocabulary).Count;

    private int DocOf(int ordinal) => Array.IndexOf(ordinals, ordinal);

    /// <summary>
    /// The question as typed and, when it holds what looks like a homophone slip (<see cref="HomophoneSpelling"/>), as
    /// mended: both are searched and <see cref="Best"/> keeps the reading this KB answers better, so a "slip" the user
    /// meant ("一年出几本", not 年初) changes nothing.
    /// </summary>
    private IEnumerable<QueryWords> Readings(string question)
    {
        var normalized = ChineseTextNormalizer.Normalize(question);
        var segmented = analyzer.Words(normalized);
        if (ToQuery(normalized, segmented) is { } asTyped)
        {
            yield return asTyped;
        }

        var mended = spelling.Mend(normalized, segmented);
        if (mended != normalized && ToQuery(mended) is { } asMeant)
        {
            yield return asMeant;
        }
    }

    private static IReadOnlyList<KnowledgeCandidate> Best(IEnumerable<IReadOnlyList<KnowledgeCandidate>> readings)
        => readings.MaxBy(ranked => ranked.Count > 0 ? ranked[0].Confidence : -1) ?? [];

    /// <summary>The query for <paramref name="question"/>, already normalized (and segmented, when <paramref name="segmented"/> is given).</summary>
    private QueryWords? ToQuery(string question, IReadOnlyList<string>? segmented = null)
    {
        var (sequence, words) = analyzer.Read(question, vocabulary, segmented);
        if (words.Count == 0)
        {
            return null;
        }

        var pairs = PhraseGrams.OfQuestion(sequence).Distinct(StringComparer.Ordinal).ToArray();
        var weights = words.Select(Weight).ToArray();
        if (KnowledgeTextAnalyzer.YesNoPredicate(sequence, words) is { } predicate)
        {
            weights[predicate] *= options.YesNoPredicateWeight;
        }

        return new QueryWords(words, weights, words.Select(w => Synonyms(w).Where(idf.ContainsKey).Distinct(StringComparer.Ordinal).ToArray()).ToArray())
        {
            Pairs = pairs,
            PairWeights = pairs.Select(p => pairIdf.TryGetValue(p, out var w) ? w : options.UnknownPairWeight * unknownIdf).ToArray(),
            Asks = AnswerKinds.AskedBy(question),
        };
    }

    private Query BuildQuery(QueryWords query)
    {
        var boolean = new BooleanQuery();
        for (var i = 0; i < query.Words.Count; i++)
        {
            Add(boolean, query.Words[i], 1);
            foreach (var synonym in query.Synonyms[i])
            {
                Add(boolean, synonym, options.SynonymBoost);
            }

            foreach (var gram in KnowledgeTextAnalyzer.Grams(query.Words[i]).Distinct())
            {
                boolean.Add(new TermQuery(new Term(QuestionGrams, gram)) { Boost = options.QuestionBoost * options.GramBoost }, Occur.SHOULD);
                boolean.Add(new TermQuery(new Term(AnswerGrams, gram)) { Boost = options.AnswerBoost * options.GramBoost }, Occur.SHOULD);
            }
        }

        return boolean;

        void Add(BooleanQuery q, string word, float boost)
        {
            q.Add(new TermQuery(new Term(QuestionWords, word)) { Boost = options.QuestionBoost * boost }, Occur.SHOULD);
            q.Add(new TermQuery(new Term(AnswerWords, word)) { Boost = options.AnswerBoost * boost }, Occur.SHOULD);
        }
    }

    private double Weight(string word) => idf.TryGetValue(word, out var value) ? value
        : word.Length == 1 ? options.UnknownCharWeight * unknownIdf : unknownIdf * CommonWords.Share(word, options.CommonWordIdf);

    /// <summary>
    /// The curated synonyms of a question word and, for a word the KB never uses, its everyday ones: widening a word the
    /// KB does use would pull in entries that merely share its field (measured: more wrong answers on docs-dev).
    /// </summary>
    private IEnumerable<string> Synonyms(string word)
        => options.GeneralSynonyms && !idf.ContainsKey(word) ? analyzer.Synonyms.Of(word).Concat(GeneralThesaurus.Default.Of(word)) : analyzer.Synonyms.Of(word);

    private double Idf(int df) => Math.Log(1 + (entries.Length - df + 0.5) / (df + 0.5));

    /// <summary>
    /// What the question field of the index holds. A passage's document title goes with it: a heading such as "写作格式"
    /// means the writing format of what the title names ("社情民意信息工作办法"), and without the title the one passage
    /// whose heading repeats that name ("社情民意信息的含义") wins every question about it. The title helps the order
    /// only; in the confidence it would cover the topic of every question on the document, answerable or not.
    /// </summary>
    private static string QuestionText(KnowledgeEntry entry) =>
        string.Join('\n', entry.Questions.Concat(entry.Tags).Append(entry.Heading ?? string.Empty).Append(entry.Title ?? string.Empty));

    private EntryTerms Analyze(KnowledgeEntry entry, IReadOnlyList<string> questionTokens, IReadOnlyList<string> answerTokens)
    {
        var questionWords = KnownWords.Merge(ChineseTextNormalizer.Normalize(QuestionText(entry)), questionTokens, vocabulary);
        var answerWords = KnownWords.Merge(ChineseTextNormalizer.Normalize(entry.Answer), answerTokens, vocabulary);
        // Tags and the heading belong to every one of the entry's questions; the other questions do not.
        var shared = entry.Tags.Append(entry.Heading ?? string.Empty).SelectMany(t => analyzer.ContentWords(t, vocabulary)).ToList();
        var sharedPairs = Pairs(string.Join('\n', entry.Tags.Append(entry.Heading ?? string.Empty)));
        var questions = entry.Questions.Append(entry.Heading ?? string.Empty)
            .Select(q => (Text: q, Words: analyzer.ContentWords(q, vocabulary))).Where(q => q.Words.Count > 0)
            .Select(q => new QuestionTerms(q.Words, shared) { Pairs = Pairs(q.Text).Concat(sharedPairs).ToHashSet(StringComparer.Ordinal) }).ToList();
        var answerPairs = Pairs(entry.Answer).ToHashSet(StringComparer.Ordinal);
        return new EntryTerms(new TermSet(questionWords), new TermSet(answerWords), questions, questionWords, answerWords)
        {
            AnswerPairs = answerPairs,
            // An entry whose own questions ask "多久" answers it, even with "取决于……" instead of a number.
            Holds = entry.Questions.Append(entry.Heading ?? string.Empty).Aggregate(AnswerKinds.HeldBy(ChineseTextNormalizer.Normalize(entry.Answer)),
                (held, q) => held | AnswerKinds.AskedBy(ChineseTextNormalizer.Normalize(q)) | AnswerKinds.NamedBy(ChineseTextNormalizer.Normalize(q))),
            Pairs = questions.SelectMany(q => q.Pairs).Concat(answerPairs).ToHashSet(StringComparer.Ordinal),
        };

        static IEnumerable<string> Pairs(string text) => PhraseGrams.OfText(ChineseTextNormalizer.Normalize(text));
    }

    private static Document ToDocument(int n, EntryTerms t, KnowledgeAudience audience) =>
    [
        new StoredField(OrdinalField, n),
        new StringField(AudienceField, audience.ToString(), Field.Store.NO),
        new TextField(QuestionWords, new ListTokenStream(t.QuestionTokens)),
        new TextField(AnswerWords, new ListTokenStream(t.AnswerTokens)),
        new TextField(QuestionGrams, new ListTokenStream(t.QuestionTokens.SelectMany(KnowledgeTextAnalyzer.Grams).ToList())),
        new TextField(AnswerGrams, new ListTokenStream(t.AnswerTokens.SelectMany(KnowledgeTextAnalyzer.Grams).ToList())),
    ];

    private static Filter? AudienceFilter(KnowledgeAudience caller) => caller switch
    {
        KnowledgeAudience.Public => PublicOnly,
        KnowledgeAudience.Members => PublicAndMembers,
        _ => null,
    };

    private static readonly Filter PublicOnly = new QueryWrapperFilter(new TermQuery(new Term(AudienceField, nameof(KnowledgeAudience.Public))));

    private static readonly Filter PublicAndMembers = new QueryWrapperFilter(new BooleanQuery
    {
        { new TermQuery(new Term(AudienceField, nameof(KnowledgeAudience.Public))), Occur.SHOULD },
        { new TermQuery(new Term(AudienceField, nameof(KnowledgeAudience.Members))), Occur.SHOULD },
    });

    public void Dispose()
    {
        reader.Dispose();
        directory.Dispose();
    }
}
