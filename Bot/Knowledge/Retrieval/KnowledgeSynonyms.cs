namespace Cppcc.Bot.Knowledge.Retrieval;

/// <summary>
/// Domain synonym groups (embedded synonyms.txt): a question word also matches the other words of its group, with a
/// little less weight. Colloquial forms ("打回" for "退回") and the English words the commands accept live there.
/// </summary>
public sealed class KnowledgeSynonyms
{
    private readonly Dictionary<string, string[]> groups;

    private KnowledgeSynonyms(Dictionary<string, string[]> groups) => this.groups = groups;

    public static KnowledgeSynonyms Default { get; } = LoadEmbedded();

    /// <summary>Every word of every group.</summary>
    public IEnumerable<string> Words => groups.Keys;

    public IReadOnlyList<string> Of(string word) => groups.TryGetValue(word, out var s) ? s : [];

    public static KnowledgeSynonyms Parse(IEnumerable<string> lines)
    {
        var sets = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(ChineseTextNormalizer.Normalize).Where(w => w.Length > 0).Distinct().ToArray();
            foreach (var word in words)
            {
                if (!sets.TryGetValue(word, out var set))
                {
                    sets[word] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.UnionWith(words.Where(other => other != word));
            }
        }

        return new KnowledgeSynonyms(sets.ToDictionary(s => s.Key, s => s.Value.ToArray(), StringComparer.Ordinal));
    }

    private static KnowledgeSynonyms LoadEmbedded() => Parse(EmbeddedText.Lines("synonyms.txt"));
}
