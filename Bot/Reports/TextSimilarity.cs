using System.Text;

namespace Cppcc.Bot.Reports;

/// <summary>
/// Similarity of short Chinese texts without a tokenizer: the Dice coefficient of their character bigrams
/// (letters and digits only, NFKC-folded, lower-cased). Fingerprints are sorted distinct ints, so comparing two is a
/// linear merge: fast enough to compare a new report with the latest few hundred of its category on every filing.
/// </summary>
public static class TextSimilarity
{
    /// <summary>The sorted, distinct bigram fingerprint of <paramref name="text"/>.</summary>
    public static int[] Fingerprint(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return Array.Empty<int>();
        }

        var chars = new List<char>(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsLetterOrDigit(c))
            {
                chars.Add(char.ToLowerInvariant(c));
            }
        }

        if (chars.Count == 1)
        {
            return new[] { (int)chars[0] };
        }

        var grams = new HashSet<int>();
        for (var i = 0; i + 1 < chars.Count; i++)
        {
            grams.Add((chars[i] << 16) | chars[i + 1]);
        }

        var result = grams.ToArray();
        Array.Sort(result);
        return result;
    }

    /// <summary>Dice coefficient of two fingerprints: 2·|A∩B| / (|A|+|B|), 0 when either is empty.</summary>
    public static double Dice(int[] a, int[] b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                common++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return 2.0 * common / (a.Length + b.Length);
    }
}
