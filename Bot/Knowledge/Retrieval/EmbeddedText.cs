using System.Text;

namespace Cppcc.Bot.Knowledge.Retrieval;

/// <summary>The lines of a text file embedded in this assembly (word lists and tables the retrieval reads once).</summary>
internal static class EmbeddedText
{
    public static IEnumerable<string> Lines(string name)
    {
        using var stream = typeof(EmbeddedText).Assembly.GetManifestResourceStream($"Cppcc.Bot.Knowledge.{name}")
            ?? throw new InvalidOperationException($"Embedded resource {name} is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }
}
