namespace Cppcc.Bot.Knowledge.Retrieval;

/// <summary>
/// Embedding vectors of the texts an index needs: each entry's <see cref="EntryText"/> and the questions its
/// calibration asks. The similarity is the cosine, floored at 0 so that it reads like a confidence in 0..1.
/// </summary>
public sealed class KnowledgeVectors(IReadOnlyDictionary<string, float[]> byText)
{
    /// <summary>Share of the embedding similarity in the blended confidence (the rest is the lexical confidence).</summary>
    public const double Weight = 0.5;

    /// <summary>How many entries the embedding alone adds to the words' candidates.</summary>
    public const int ExtraCandidates = 5;

    /// <summary>What is embedded for an entry: its questions (or heading) and the head of its answer.</summary>
    public static string EntryText(KnowledgeEntry entry)
    {
        var asked = entry.Questions.Count > 0 ? string.Join('\n', entry.Questions) : entry.Heading ?? entry.Title ?? "";
        var answer = entry.Answer.Length > 300 ? entry.Answer[..300] : entry.Answer;
        return asked + "\n" + answer;
    }

    /// <summary>The vector of a text embedded at load, or null.</summary>
    public float[]? Of(string text) => byText.GetValueOrDefault(text);

    /// <summary>Cosine similarity floored at 0; 0 when either vector is missing or the lengths differ.</summary>
    public static double Similarity(float[]? a, float[]? b)
    {
        if (a is null || b is null || a.Length != b.Length)
        {
            return 0;
        }

        double dot = 0, na = 0, nb = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += a[i] * b[i];
            na += a[i] * a[i];
            nb += b[i] * b[i];
        }

        return na == 0 || nb == 0 ? 0 : Math.Max(0, dot / Math.Sqrt(na * nb));
    }

    /// <summary>The blended confidence.</summary>
    public static double Blend(double lexical, double similarity) => (1 - Weight) * lexical + Weight * similarity;
}
