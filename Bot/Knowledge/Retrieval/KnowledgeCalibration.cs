namespace Cppcc.Bot.Knowledge.Retrieval;

/// <summary>
/// Where this knowledge base's confidences fall, measured when it loads, so that a KB of a different shape (one question
/// per entry, long documents, many close entries) gets thresholds of its own instead of numbers fitted to ours.
/// <para>
/// Two samples stand in for questions the KB must not answer. "Impostors": each entry's own questions asked while that
/// entry is left out, so the best remaining entry is by construction the wrong one; that is what an on-topic question
/// with no entry looks like in this KB. "Probes": everyday questions no CPPCC knowledge base answers
/// (<see cref="OffTopicProbes"/>). The quantiles were chosen on the shipped kb/ (and on it cut to one question per entry)
/// and are the same for every KB; only the confidences they pick out differ.
/// </para>
/// </summary>
/// <param name="AnswerThreshold">Confidence that answers on its own: above most impostors.</param>
/// <param name="LeaderThreshold">Lower confidence that answers when the best entry clearly leads the runner-up.</param>
/// <param name="LeaderGap">How far ahead of the runner-up counts as clearly leading.</param>
/// <param name="SuggestThreshold">Least confidence that lists the near entries under "您是不是想问" instead of a bare no-answer.</param>
/// <param name="LeaderRatio">
/// A runner-up at or below this share of the best entry's confidence means the best one stands alone, as only a few of
/// this KB's impostors do. A relative lead, so it holds for a KB whose confidences are all low (long passages asked in
/// the answer's words) as for one whose are all high.
/// </param>
/// <param name="RatioFloor">Least confidence a best entry standing alone needs: above nearly all off-topic probes.</param>
/// <param name="Samples">How many impostor questions were asked.</param>
public sealed record KnowledgeCalibration(double AnswerThreshold, double LeaderThreshold, double LeaderGap, double SuggestThreshold,
    double LeaderRatio, double RatioFloor, int Samples)
{
    /// <summary>At most this many impostor questions (spread over the KB) keep loading a 10,000-entry KB quick.</summary>
    public const int MaxSamples = 400;

    /// <summary>Used when the KB is too small to measure (fewer than <see cref="MinSamples"/> questions).</summary>
    public static KnowledgeCalibration Fallback { get; } = new(0.5, 0.35, 0.1, 0.2, 0, 1, 0);

    private const int MinSamples = 8;

    /// <summary>Measures <paramref name="index"/>, by words alone or blended with the embeddings it holds.</summary>
    public static KnowledgeCalibration Measure(KnowledgeIndex index, bool wordsOnly = true)
    {
        var questions = new List<(int Entry, string Question)>();
        for (var n = 0; n < index.Entries.Count; n++)
        {
            questions.AddRange(index.Entries[n].Questions.Select(q => (n, q)));
        }

        if (questions.Count < MinSamples || index.Entries.Count < 3)
        {
            return Fallback;
        }

        // An even spread over the KB, the same every load.
        var step = Math.Max(1.0, (double)questions.Count / MaxSamples);
        var best = new List<double>();
        var gaps = new List<double>();
        var ratios = new List<double>();
        for (var i = 0.0; i < questions.Count; i += step)
        {
            var (entry, question) = questions[(int)i];
            var ranked = index.SearchWithout(question, entry, 2, wordsOnly);
            best.Add(ranked.Count > 0 ? ranked[0].Confidence : 0);
            gaps.Add(ranked.Count switch { 0 => 0, 1 => ranked[0].Confidence, _ => ranked[0].Confidence - ranked[1].Confidence });
            if (ranked.Count > 1 && ranked[0].Confidence > 0)
            {
                ratios.Add(ranked[1].Confidence / ranked[0].Confidence);
            }
        }

        var probes = OffTopicProbes.Questions.Select(q => index.SearchWithout(q, -1, 1, wordsOnly) is [var top, ..] ? top.Confidence : 0).ToList();

        // Clamped to ranges any sensible KB falls in, so that a degenerate KB cannot switch answering off or on entirely.
        var q = index.RankingOptions.Calibration;
        var answer = Math.Clamp(Quantile(best, q.AnswerQuantile), 0.35, 0.8);
        var leader = Math.Clamp(Math.Max(Quantile(best, q.LeaderQuantile), Quantile(probes, q.ProbeQuantile)), 0.15, answer);
        var gap = Math.Clamp(Quantile(gaps, q.GapQuantile), 0.05, 0.3);
        var suggest = Math.Clamp(Math.Max(Quantile(best, q.SuggestQuantile), Quantile(probes, q.SuggestProbeQuantile)), 0.1, leader);
        // A lone leader: its runner-up as far below it as in only a few impostors, and above the probes that climb highest.
        // Never looser than half, so that two entries of comparable weight always stay a choice.
        var ratio = ratios.Count < MinSamples ? 0 : Math.Clamp(Quantile(ratios, q.RatioQuantile), 0.2, 0.5);
        var floor = Math.Clamp(Math.Max(suggest, Quantile(probes, q.RatioProbeQuantile)), suggest, answer);
        return new KnowledgeCalibration(answer, leader, gap, suggest, ratio, floor, best.Count);
    }

    private static double Quantile(List<double> values, double q)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];
    }
}

/// <summary>
/// The quantiles <see cref="KnowledgeCalibration"/> picks from the impostor and probe scores: the same for every KB, so
/// that only the confidences they pick out differ from one KB to another.
/// </summary>
public sealed record CalibrationQuantiles
{
    /// <summary>Share of impostors that score below <see cref="KnowledgeCalibration.AnswerThreshold"/>.</summary>
    public double AnswerQuantile { get; init; } = 0.8;

    /// <summary>Share of impostors that score below <see cref="KnowledgeCalibration.LeaderThreshold"/>.</summary>
    public double LeaderQuantile { get; init; } = 0.4;

    /// <summary>Share of impostors whose lead over their runner-up is below <see cref="KnowledgeCalibration.LeaderGap"/>.</summary>
    public double GapQuantile { get; init; } = 0.55;

    /// <summary>Share of impostors that score below <see cref="KnowledgeCalibration.SuggestThreshold"/>.</summary>
    public double SuggestQuantile { get; init; } = 0.1;

    /// <summary>Share of off-topic probes a clear leader must score above.</summary>
    public double ProbeQuantile { get; init; } = 0.9;

    /// <summary>Share of off-topic probes a suggestion must score above.</summary>
    public double SuggestProbeQuantile { get; init; } = 0.75;

    /// <summary>Share of impostors whose runner-up is below <see cref="KnowledgeCalibration.LeaderRatio"/> of their best.</summary>
    public double RatioQuantile { get; init; } = 0.05;

    /// <summary>Share of off-topic probes a lone leader must score above.</summary>
    public double RatioProbeQuantile { get; init; } = 0.95;
}
