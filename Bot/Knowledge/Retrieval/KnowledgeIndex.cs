using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;

using Cppcc.Bot.Knowledge;

namespace Cppcc.Bot.Knowledge.Retrieval;

/// <summary>A ranked candidate: BM25 <paramref name="Score"/> (unbounded) and <paramref name="Confidence"/> in [0, 1].</summary>
public sealed record KnowledgeCandidate(KnowledgeEntry Entry, float Score, double Confidence);

/// <summary>
/// An immutable in-memory Lucene.Net index over one KB snapshot, ranked with BM25 (issue 4, item 2). Questions (plus
/// tags and document headings) and answers are separate fields, each indexed as SmartCn words and as in-word
/// character bigrams. BM25 scores are unbounded and depend on the corpus, so they cannot say "no answer"; on top of
/// them every hit gets a confidence in [0, 1]: how much of the question's content the entry covers (each word
/// weighted by its rarity in this KB, so an unknown topic word such as "工资" sinks it), blended with how close the
/// question is, both ways, to the closest of the entry's own questions.
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
    private readonly double unknownIdf;
    private readonly RAMDirectory directory = new();
    private readonly DirectoryReader reader;
    private readonly IndexSearcher searcher;
    private readonly int[] ordinals;

    public KnowledgeIndex(IEnumerable<KnowledgeEntry> source, KnowledgeTextAnalyzer analyzer, KnowledgeRankingOptions? options = null)
    {
        this.analyzer = analyzer;
        this.options = options ?? new KnowledgeRankingOptions();
        entries = source.ToArray();
        terms = new EntryTerms[entries.Length];
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var similarity = new BM25Similarity();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(LuceneVersion.LUCENE_48, new PreTokenizedAnalyzer()) { Similarity = similarity }))
        {
            for (var n = 0; n < entries.Length; n++)
            {
                terms[n] = Analyze(entries[n]);
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

        unknownIdf = Idf(0);
        foreach (var entryTerms in terms)
        {
            foreach (var question in entryTerms.Questions)
            {
                question.Weigh(Weight, analyzer.Synonyms);
            }
        }

        reader = DirectoryReader.Open(directory);
        searcher = new IndexSearcher(reader) { Similarity = similarity };
        ordinals = new int[reader.MaxDoc];
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            ordinals[doc] = reader.Document(doc).GetField(OrdinalField).GetInt32Value()!.Value;
        }
    }

    public int Count => entries.Length;

    public IReadOnlyList<KnowledgeEntry> Entries => entries;

    /// <summary>Best candidates visible to <paramref name="caller"/> and in force on <paramref name="today"/>, best first.</summary>
    public IReadOnlyList<KnowledgeCandidate> Search(string question, KnowledgeAudience caller, DateOnly today, int top = 3)
    {
        var words = analyzer.ContentWords(question);
        if (words.Count == 0)
        {
            return [];
        }

        var query = new QueryWords(words, words.Select(Weight).ToArray(),
            words.Select(w => analyzer.Synonyms.Of(w).Where(idf.ContainsKey).ToArray()).ToArray());
        var hits = searcher.Search(BuildQuery(query), AudienceFilter(caller), options.CandidatePool).ScoreDocs;
        if (hits.Length == 0)
        {
            return [];
        }

        var found = new List<(KnowledgeCandidate Candidate, double Rank)>(hits.Length);
        foreach (var hit in hits)
        {
            var n = ordinals[hit.Doc];
            if (!entries[n].IsInForce(today))
            {
                continue;
            }

            var confidence = Confidence(query, terms[n]);
            var rank = (1 - options.ScoreWeight) * confidence + options.ScoreWeight * (hit.Score / hits[0].Score)
                - (entries[n].IsPassage ? options.PassagePenalty : 0);
            found.Add((new KnowledgeCandidate(entries[n], hit.Score, confidence), rank));
        }

        return found.OrderByDescending(f => f.Rank).Take(top).Select(f => f.Candidate).ToList();
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

    private double Confidence(QueryWords query, EntryTerms entry)
    {
        double total = 0, covered = 0;
        for (var i = 0; i < query.Words.Count; i++)
        {
            total += query.Weights[i];
            covered += query.Weights[i] * Math.Max(
                Credit(query.Words[i], query.Synonyms[i], entry.Question),
                options.AnswerCredit * Credit(query.Words[i], query.Synonyms[i], entry.Answer));
        }

        var coverage = total == 0 ? 0 : covered / total;
        var closest = 0.0;
        foreach (var question in entry.Questions)
        {
            closest = Math.Max(closest, Closeness(query, total, question));
        }

        return options.QuestionSimilarityWeight * closest + (1 - options.QuestionSimilarityWeight) * coverage;
    }

    /// <summary>
    /// F1 of "the user's words found in this one question" and "this question's words found in the user's":
    /// "提案是什么" is closer to "什么是政协提案" than to "什么是提案监督".
    /// </summary>
    private double Closeness(QueryWords query, double queryTotal, QuestionTerms question)
    {
        double found = 0;
        for (var i = 0; i < query.Words.Count; i++)
        {
            found += query.Weights[i] * Credit(query.Words[i], query.Synonyms[i], question.Terms);
        }

        double back = 0;
        for (var i = 0; i < question.Words.Count; i++)
        {
            back += question.Weights[i] * Credit(question.Words[i], question.Synonyms[i], query.Terms);
        }

        var recall = queryTotal == 0 ? 0 : found / queryTotal;
        var precision = question.Total == 0 ? 0 : back / question.Total;
        return recall + precision == 0 ? 0 : 2 * recall * precision / (recall + precision);
    }

    /// <summary>How well <paramref name="word"/> is found in <paramref name="target"/>, from 0 to 1.</summary>
    private double Credit(string word, string[] synonyms, TermSet target)
    {
        if (target.Words.Contains(word))
        {
            return 1;
        }

        if (synonyms.Any(target.Words.Contains))
        {
            return options.SynonymCredit;
        }

        if (word.Length == 1)
        {
            return target.Chars.Contains(word[0]) ? options.CharCredit : 0;
        }

        // A compound the entry does not use ("退回来", "手机号") still earns credit for the known word inside it
        // ("退回", "手机" ~ "电话"), in proportion to how much of it that word spans.
        var best = 0.0;
        if (word.Length >= 3 && word.All(ChineseTextNormalizer.IsHan))
        {
            for (var length = word.Length - 1; length >= 2; length--)
            {
                for (var start = 0; start + length <= word.Length; start++)
                {
                    var part = word.Substring(start, length);
                    var credit = target.Words.Contains(part) ? 1 : analyzer.Synonyms.Of(part).Any(target.Words.Contains) ? options.SynonymCredit : 0;
                    best = Math.Max(best, credit * length / word.Length);
                }
            }
        }

        var grams = KnowledgeTextAnalyzer.Grams(word).ToList();
        return Math.Max(best, options.GramCredit * grams.Count(target.Grams.Contains) / grams.Count);
    }

    private double Weight(string word) => idf.TryGetValue(word, out var value) ? value : unknownIdf;

    private double Idf(int df) => Math.Log(1 + (entries.Length - df + 0.5) / (df + 0.5));

    private EntryTerms Analyze(KnowledgeEntry entry)
    {
        var questionWords = analyzer.Words(string.Join('\n', entry.Questions.Concat(entry.Tags).Append(entry.Heading ?? string.Empty)));
        var answerWords = analyzer.Words(entry.Answer);
        var questions = entry.Questions.Append(entry.Heading ?? string.Empty)
            .Select(analyzer.ContentWords).Where(words => words.Count > 0).Select(words => new QuestionTerms(words)).ToList();
        return new EntryTerms(new TermSet(questionWords), new TermSet(answerWords), questions, questionWords, answerWords);
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

    private sealed class TermSet
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

    private sealed class QueryWords(List<string> words, double[] weights, string[][] synonyms)
    {
        public List<string> Words => words;
        public double[] Weights => weights;
        public string[][] Synonyms => synonyms;
        public TermSet Terms { get; } = new(words);
    }

    private sealed class QuestionTerms(List<string> words)
    {
        public List<string> Words => words;
        public TermSet Terms { get; } = new(words);
        public double[] Weights { get; private set; } = [];
        public string[][] Synonyms { get; private set; } = [];
        public double Total { get; private set; }

        public void Weigh(Func<string, double> weight, KnowledgeSynonyms synonyms)
        {
            Weights = words.Select(weight).ToArray();
            Synonyms = words.Select(w => synonyms.Of(w).ToArray()).ToArray();
            Total = Weights.Sum();
        }
    }

    private sealed record EntryTerms(TermSet Question, TermSet Answer, List<QuestionTerms> Questions,
        IReadOnlyList<string> QuestionTokens, IReadOnlyList<string> AnswerTokens);

    /// <summary>Feeds tokens we segmented ourselves into a Lucene field.</summary>
    private sealed class ListTokenStream : TokenStream
    {
        private readonly IReadOnlyList<string> tokens;
        private readonly ICharTermAttribute term;
        private int next;

        public ListTokenStream(IReadOnlyList<string> tokens)
        {
            this.tokens = tokens;
            term = AddAttribute<ICharTermAttribute>();
        }

        public override bool IncrementToken()
        {
            if (next >= tokens.Count)
            {
                return false;
            }

            ClearAttributes();
            term.SetEmpty().Append(tokens[next++]);
            return true;
        }

        public override void Reset()
        {
            base.Reset();
            next = 0;
        }
    }

    /// <summary>The writer wants an analyzer, but every field here arrives as a pre-built token stream.</summary>
    private sealed class PreTokenizedAnalyzer : Analyzer
    {
        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) => new(new KeywordTokenizer(reader));
    }
}
