using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Cppcc.Bot.Knowledge.Retrieval;

/// <summary>Splits already-normalized text into index terms.</summary>
public interface IChineseTokenizer
{
    string Name { get; }
    IReadOnlyList<string> Tokenize(string normalized);
}

/// <summary>Lucene.Net SmartCn (HMM over a bigram dictionary).</summary>
public sealed class SmartCnTokenizer : IChineseTokenizer
{
    private readonly SmartChineseAnalyzer analyzer = new(LuceneVersion.LUCENE_48, useDefaultStopWords: false);
    public string Name => "smartcn";

    public IReadOnlyList<string> Tokenize(string normalized)
    {
        var tokens = new List<string>();
        using var stream = analyzer.GetTokenStream("f", normalized);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            var t = term.ToString();
            if (t.Length > 0 && t.Any(char.IsLetterOrDigit))
            {
                tokens.Add(t);
            }
        }

        stream.End();
        return tokens;
    }
}
