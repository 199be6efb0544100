namespace Cppcc.Bot.Knowledge.Retrieval;

/// <summary>
/// A long answer (a document passage) states several facts, one or two sentences each. A question asks for one of them,
/// so its words gather in one place of the right passage, while a passage that merely shares the topic has them
/// scattered. The windows are runs of two adjacent sentences, the span one fact usually takes.
/// </summary>
public static class AnswerSentences
{
    private static readonly char[] Ends = ['。', '！', '？', '；', '!', '?', ';', '\n'];

    /// <summary>Normalized two-sentence windows of <paramref name="answer"/>; empty when it has at most two sentences.</summary>
    public static IReadOnlyList<string> Windows(string answer)
    {
        var sentences = answer.Split(Ends, StringSplitOptions.RemoveEmptyEntries).Select(ChineseTextNormalizer.Normalize)
            .Where(s => s.Length > 1).ToArray();
        return sentences.Length <= 2 ? [] : sentences.Zip(sentences.Skip(1), (a, b) => a + "。" + b).ToArray();
    }
}
