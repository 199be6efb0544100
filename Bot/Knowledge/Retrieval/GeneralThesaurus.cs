namespace Cppcc.Bot.Knowledge.Retrieval;

/// <summary>
/// Synonym groups of everyday Chinese (the extended Cilin, 同义词词林, as shipped in the jieba.NET package): a question
/// in words a KB's writer never used ("模版", "稿费", "检举") still meets the entry that says "模板", "稿酬", "举报".
/// Curated domain synonyms (<see cref="KnowledgeSynonyms"/>) come first; these are general, so they only widen words
/// the KB does not use itself, and the entry's own question words (see <see cref="KnowledgeIndex"/>).
/// </summary>
public sealed class GeneralThesaurus
{
    /// <summary>
    /// Cilin's wider groups gather words that share a field rather than a meaning (one of its "answer" groups also
    /// holds "报", "对" and "应"); those above this size are left out. Measured: 8 to 20 score alike, 4 lower.
    /// </summary>
    private const int MaxGroup = 12;

    private readonly Dictionary<string, string[]> groups;

    private GeneralThesaurus(Dictionary<string, string[]> groups) => this.groups = groups;

    public static GeneralThesaurus Default => Shared.Value;

    private static readonly Lazy<GeneralThesaurus> Shared = new(() => Parse(EmbeddedText.Lines("cilin.txt")));

    public IReadOnlyList<string> Of(string word) => groups.TryGetValue(word, out var s) ? s : [];

    /// <summary>
    /// Reads Cilin lines ("Hf07B06= 折回 转回 退回 撤回"): only "=" groups (synonyms; "#" marks words merely related and
    /// "@" a word alone), only words of two characters or more, as single characters are too ambiguous.
    /// </summary>
    public static GeneralThesaurus Parse(IEnumerable<string> lines)
    {
        var sets = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length < 3 || !parts[0].EndsWith('='))
            {
                continue;
            }

            var words = parts.Skip(1).Where(w => w.Length >= 2).Distinct(StringComparer.Ordinal).ToArray();
            if (words.Length is < 2 or > MaxGroup)
            {
                continue;
            }

            foreach (var word in words)
            {
                if (!sets.TryGetValue(word, out var set))
                {
                    sets[word] = set = new HashSet<string>(StringComparer.Ordinal);
                }

                set.UnionWith(words.Where(other => other != word));
            }
        }

        return new GeneralThesaurus(sets.ToDictionary(s => s.Key, s => s.Value.ToArray(), StringComparer.Ordinal));
    }
}
