using System.Globalization;

namespace Cppcc.Bot.Knowledge.Retrieval;

/// <summary>
/// How common a word is in everyday Chinese: its IDF over a general corpus (the word list shipped in the jieba.NET
/// package). A word the KB never uses used to weigh as much as the KB's rarest word, which is right for a topic the KB
/// lacks ("工资", "侨房") but sank long colloquial questions on their everyday words ("出差", "比如", "单位"). Now such a
/// word weighs in proportion to how rare it is in general, up to the full weight (see
/// <see cref="KnowledgeRankingOptions.CommonWordIdf"/>).
/// </summary>
public static class CommonWords
{
    /// <summary>Only words below this general IDF are kept: every rarer word weighs in full anyway.</summary>
    private const double KeptBelow = 12;

    private static readonly Lazy<Dictionary<string, double>> Idf = new(Load);

    /// <summary>The share of the full weight <paramref name="word"/> keeps when the KB never uses it, in (0, 1].</summary>
    public static double Share(string word, double fullAt)
        => fullAt > 0 && Idf.Value.TryGetValue(word, out var idf) ? Math.Min(1, idf / fullAt) : 1;

    private static Dictionary<string, double> Load()
    {
        var idf = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in EmbeddedText.Lines("general-idf.txt"))
        {
            if (line.Split(' ') is [var word, var number] && word.Length >= 2
                && double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value < KeptBelow)
            {
                idf[word] = value;
            }
        }

        return idf;
    }
}
