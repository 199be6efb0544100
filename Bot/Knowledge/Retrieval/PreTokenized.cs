using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.TokenAttributes;

namespace Cppcc.Bot.Knowledge.Retrieval;

/// <summary>Feeds tokens we segmented ourselves into a Lucene field.</summary>
internal sealed class ListTokenStream : TokenStream
{
    private readonly IReadOnlyList<string> tokens;
    private readonly ICharTermAttribute term;
    private int next;

    public ListTokenStream(IReadOnlyList<string> tokens)
    {
        this.tokens = tokens;
        term = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (next >= tokens.Count)
        {
            return false;
        }

        ClearAttributes();
        term.SetEmpty().Append(tokens[next++]);
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        next = 0;
    }
}

/// <summary>The writer wants an analyzer, but every field here arrives as a pre-built token stream.</summary>
internal sealed class PreTokenizedAnalyzer : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader) => new(new KeywordTokenizer(reader));
}
