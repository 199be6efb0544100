using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Cppcc.Bot.Knowledge.Files;

/// <summary>
/// Writes Q&amp;A entries in the format of docs/contract.md, Knowledge base files, so that an export read back by
/// <see cref="YamlEntryReader"/> gives the same entries.
/// </summary>
public static class KnowledgeYamlWriter
{
    public static void Write(TextWriter writer, IEnumerable<KnowledgeEntry> entries)
    {
        var emitter = new Emitter(writer, bestIndent: 2, bestWidth: int.MaxValue);
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, isImplicit: true));
        emitter.Emit(new SequenceStart(null, null, isImplicit: true, SequenceStyle.Block));
        foreach (var entry in entries.Where(e => !e.IsPassage))
        {
            emitter.Emit(new MappingStart(null, null, isImplicit: true, MappingStyle.Block));
            Pair(emitter, "id", entry.Id);
            Key(emitter, "questions");
            List(emitter, entry.Questions, SequenceStyle.Block);
            Key(emitter, "answer");
            var answer = entry.Answer.TrimEnd() + "\n";
            emitter.Emit(new Scalar(null, null, answer, Exact(answer, ScalarStyle.Literal), true, false));
            Optional(emitter, "source", entry.Source);
            Optional(emitter, "url", entry.Url);
            Pair(emitter, "audience", entry.Audience.ToString().ToLowerInvariant());
            if (entry.Tags.Count > 0)
            {
                Key(emitter, "tags");
                List(emitter, entry.Tags, SequenceStyle.Flow);
            }

            if (entry.Related.Count > 0)
            {
                Key(emitter, "related");
                List(emitter, entry.Related, SequenceStyle.Flow);
            }

            Optional(emitter, "effective", entry.Effective?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            Optional(emitter, "expires", entry.Expires?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            emitter.Emit(new MappingEnd());
        }

        emitter.Emit(new SequenceEnd());
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
    }

    private static void Key(IEmitter emitter, string key) => emitter.Emit(new Scalar(key));

    private static void Pair(IEmitter emitter, string key, string value)
    {
        Key(emitter, key);
        emitter.Emit(new Scalar(null, null, value, Exact(value, ScalarStyle.Any), true, true));
    }

    /// <summary>
    /// <paramref name="preferred"/>, unless the text would not read back as written: a block cannot begin with a
    /// blank line or a tab (the reader refuses the file, or drops the tab), and a carriage return read back from a
    /// block is a line feed. Such text is written double-quoted, where every character is escaped exactly.
    /// </summary>
    private static ScalarStyle Exact(string text, ScalarStyle preferred) =>
        text.Length > 0 && char.IsWhiteSpace(text[0]) || text.Contains('\r', StringComparison.Ordinal)
        || preferred != ScalarStyle.Literal && text.Contains('\n', StringComparison.Ordinal)
            ? ScalarStyle.DoubleQuoted
            : preferred;

    private static void Optional(IEmitter emitter, string key, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            Pair(emitter, key, value);
        }
    }

    private static void List(IEmitter emitter, IEnumerable<string> items, SequenceStyle style)
    {
        emitter.Emit(new SequenceStart(null, null, isImplicit: true, style));
        foreach (var item in items)
        {
            emitter.Emit(new Scalar(item));
        }

        emitter.Emit(new SequenceEnd());
    }
}
