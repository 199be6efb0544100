namespace Cppcc.Bot.Knowledge.Retrieval;

/// <summary>
/// Mends a word typed with a wrong character of the same sound, the usual slip of a pinyin input method: "委员正" for
/// 委员证, "提按" for 提案, "联落站" for 联络站, "社情明意" for 社情民意. A run of whole segments of the question becomes
/// the knowledge base's word it sounds like when all of this holds:
/// <list type="bullet">
/// <item>exactly one character differs, and no other KB word that sounds the same is one character away;</item>
/// <item>the run is neither a KB word nor a word the segmenter knows ("事宜" is not mended to a KB's "适宜");</item>
/// <item>the character it replaces stands next to one the KB never writes beside it: a slip makes text the KB does not
/// have, while "一次" or "是不是", found all over the KB, are what the user meant;</item>
/// <item>neither that character nor the KB word is a particle or a question word, and the character is no numeral or
/// negation ("怎么养" stays, though the KB says "怎么样"; "一千字" stays, though it says "签字").</item>
/// </list>
/// Sounds are each character's usual reading, compared as an input method's fuzzy pinyin does (zh/z, ch/c, sh/s,
/// ing/in, eng/en).
/// </summary>
public sealed class HomophoneSpelling
{
    private const int MinLength = 2, MaxLength = 4;
    /// <summary>Numerals and negations: "一千字" is not a slip for 签字, nor "发不出去" for 发布.</summary>
    private const string NeverSlips = "零一二三四五六七八九十百千万亿两几半不没别未无非";

    private static readonly IReadOnlyDictionary<char, string> Readings = LoadReadings();

    private readonly Dictionary<string, List<string>> wordsBySound = new(StringComparer.Ordinal);
    private readonly IReadOnlySet<string> vocabulary;
    private readonly Func<string, bool> kbHasPair;

    /// <param name="vocabulary">The KB's words (and the synonyms').</param>
    /// <param name="kbHasPair">Whether two characters stand side by side anywhere in the KB's text.</param>
    public HomophoneSpelling(IReadOnlySet<string> vocabulary, Func<string, bool> kbHasPair)
    {
        this.vocabulary = vocabulary;
        this.kbHasPair = kbHasPair;
        foreach (var word in vocabulary.Where(w => w.Length is >= MinLength and <= MaxLength && !KnowledgeStopWords.Words.Contains(w)))
        {
            if (Sound(word) is { } sound)
            {
                if (!wordsBySound.TryGetValue(sound, out var words))
                {
                    wordsBySound[sound] = words = [];
                }

                words.Add(word);
            }
        }
    }

    /// <summary>
    /// <paramref name="normalized"/> with its misspelt KB words mended; <paramref name="tokens"/> are its segments, in
    /// order. Returns the text itself when nothing needs mending.
    /// </summary>
    public string Mend(string normalized, IReadOnlyList<string> tokens)
    {
        if (Starts(normalized, tokens) is not { } starts)
        {
            return normalized;
        }

        char[]? mended = null;
        for (var first = 0; first < tokens.Count; first++)
        {
            // The longest run of whole segments starting here that is a slip for a KB word (at most MaxLength characters,
            // so a long message costs no more than a short one per segment).
            var start = starts[first];
            var end = first;
            while (end + 1 < tokens.Count && starts[end + 1] + tokens[end + 1].Length - start <= MaxLength)
            {
                end++;
            }

            for (var last = end; last > first; last--)
            {
                var length = starts[last] + tokens[last].Length - start;
                if (length < MinLength)
                {
                    continue;
                }

                var typed = normalized.Substring(start, length);
                if (MeantWord(normalized, start, typed) is not { } word)
                {
                    continue;
                }

                mended ??= normalized.ToCharArray();
                word.CopyTo(0, mended, start, length);
                first = last;
                break;
            }
        }

        return mended is null ? normalized : new string(mended);
    }

    private string? MeantWord(string text, int start, string typed)
    {
        if (!typed.All(ChineseTextNormalizer.IsHan) || vocabulary.Contains(typed) || Sound(typed) is not { } sound
            || !wordsBySound.TryGetValue(sound, out var alike))
        {
            return null;
        }

        // Two KB words one character away that sound alike leave the slip ambiguous: nothing is mended towards either.
        var near = alike.Where(w => Differing(typed, w).Count() == 1).Take(2).ToList();
        if (near is not [var word])
        {
            return null;
        }

        var at = start + Differing(typed, word).Single();
        var slip = text[at];
        var strange = (at > 0 && ChineseTextNormalizer.IsHan(text[at - 1]) && !kbHasPair(text.Substring(at - 1, 2)))
            || (at + 1 < text.Length && ChineseTextNormalizer.IsHan(text[at + 1]) && !kbHasPair(text.Substring(at, 2)));
        return strange && !NeverSlips.Contains(slip) && !KnowledgeStopWords.Words.Contains(slip.ToString()) ? word : null;
    }

    private static IEnumerable<int> Differing(string typed, string word) => Enumerable.Range(0, typed.Length).Where(i => typed[i] != word[i]);

    private static int[]? Starts(string text, IReadOnlyList<string> tokens)
    {
        var starts = new int[tokens.Count];
        var position = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            var at = text.IndexOf(tokens[i], position, StringComparison.Ordinal);
            if (at < 0)
            {
                return null;
            }

            starts[i] = at;
            position = at + tokens[i].Length;
        }

        return starts;
    }

    /// <summary>The fuzzy-pinyin reading of <paramref name="word"/>, a syllable per character ("wei yuan zen"); null for a character without one.</summary>
    private static string? Sound(string word)
    {
        var syllables = new string[word.Length];
        for (var i = 0; i < word.Length; i++)
        {
            if (!Readings.TryGetValue(word[i], out var reading))
            {
                return null;
            }

            syllables[i] = reading;
        }

        return string.Join(' ', syllables);
    }

    private static string Fuzzy(string syllable)
    {
        var s = syllable.Length > 2 && syllable[1] == 'h' && syllable[0] is 'z' or 'c' or 's' ? syllable[0] + syllable[2..] : syllable;
        return s.EndsWith("ing", StringComparison.Ordinal) || s.EndsWith("eng", StringComparison.Ordinal) ? s[..^1] : s;
    }

    private static Dictionary<char, string> LoadReadings()
    {
        var readings = new Dictionary<char, string>();
        foreach (var line in EmbeddedText.Lines("pinyin.txt"))
        {
            if (line.Length >= 3 && !line.StartsWith('#'))
            {
                readings[line[0]] = Fuzzy(line[2..].Trim());
            }
        }

        return readings;
    }
}
