namespace Cppcc.Bot.Knowledge.Retrieval;

/// <summary>
/// How sure a hit is, in [0, 1]: how much of the question's content the entry covers (each word weighted by its rarity
/// in this KB, so an unknown topic word such as "工资" sinks it), blended with how close the question is, both ways,
/// to the nearest of the entry's own questions, and with the share of the question's topic phrases found as character
/// pairs in that question or the answer (<see cref="PhraseGrams"/>): people who never saw the entry's questions ask in
/// the answer's words, and a phrase the segmenter cut differently on the two sides still meets there.
/// </summary>
internal sealed class KnowledgeConfidence(KnowledgeRankingOptions options, KnowledgeSynonyms thesaurus)
{
    public double Of(QueryWords query, EntryTerms entry) => Parts(query, entry).Confidence;

    /// <summary>
    /// The confidence and its two parts, taken at the entry's best question: coverage of the question by that question
    /// (with the entry's tags and heading) or the answer text, and closeness to that question. Each question stands on its
    /// own, so an entry with ten ways of asking scores no higher than one with a single question that fits as well.
    /// </summary>
    public (double Confidence, double Coverage, double Closeness) Parts(QueryWords query, EntryTerms entry)
    {
        double total = 0, inAnswer = 0;
        var answerCredit = new double[query.Words.Count];
        for (var i = 0; i < query.Words.Count; i++)
        {
            total += query.Weights[i];
            var found = Credit(query.Words[i], query.Synonyms[i], entry.Answer);
            inAnswer += query.Weights[i] * found;
            answerCredit[i] = options.AnswerCredit * found;
        }

        var pairTotal = query.PairWeights.Sum();
        (double Confidence, double Coverage, double Closeness) best = (0, 0, 0);
        foreach (var question in entry.Questions)
        {
            double covered = 0;
            for (var i = 0; i < query.Words.Count; i++)
            {
                covered += query.Weights[i] * Math.Max(Credit(query.Words[i], query.Synonyms[i], question.Scope), answerCredit[i]);
            }

            var coverage = total == 0 ? 0 : covered / total;
            var closeness = Closeness(query, total, question);
            var phrases = Phrases(query, pairTotal, question, entry);
            var words = options.QuestionSimilarityWeight * closeness + (1 - options.QuestionSimilarityWeight) * coverage;
            var confidence = (1 - options.PairWeight) * words + options.PairWeight * phrases;
            if (confidence > best.Confidence)
            {
                best = (confidence, coverage, closeness);
            }
        }

        // The answer bearing the question out: a real entry's answer speaks of what it is asked, while a question that merely
        // shares words with some entry's questions (a near-namesake among thousands) finds little there.
        var support = total == 0 ? 0 : inAnswer / total;
        var blended = (1 - options.AnswerSupportWeight) * best.Confidence + options.AnswerSupportWeight * support;

        // An entry on the topic whose answer lacks the kind of fact asked for ("多久" and no length of time) is a weaker match.
        var lacks = query.Asks & ~entry.Holds;
        return (lacks == AnswerKind.None ? blended : blended * (1 - options.AnswerKindPenalty), best.Coverage, best.Closeness);
    }

    /// <summary>
    /// Share of the question's topic-phrase pairs (weighted by rarity) found in this one question, its tags and heading,
    /// or with less credit in the answer: the same for an entry with one question as for one with ten.
    /// </summary>
    private double Phrases(QueryWords query, double pairTotal, QuestionTerms question, EntryTerms entry)
    {
        double found = 0;
        for (var i = 0; i < query.Pairs.Length; i++)
        {
            found += query.PairWeights[i] * (question.Pairs.Contains(query.Pairs[i]) ? 1 : entry.AnswerPairs.Contains(query.Pairs[i]) ? options.PairAnswerCredit : 0);
        }

        return pairTotal == 0 ? 0 : found / pairTotal;
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
                    var credit = target.Words.Contains(part) ? 1 : thesaurus.Of(part).Any(target.Words.Contains) ? options.SynonymCredit : 0;
                    best = Math.Max(best, credit * length / word.Length);
                }
            }
        }

        var grams = KnowledgeTextAnalyzer.Grams(word).ToList();
        return Math.Max(best, options.GramCredit * grams.Count(target.Grams.Contains) / grams.Count);
    }
}
