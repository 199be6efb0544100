using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cppcc.Bot.Knowledge.Files;

/// <summary>
/// Reads a Q&amp;A file (docs/contract.md, Knowledge base files). Each entry is checked on its own, so one bad entry is reported with
/// its line and skipped while the others load; a file that is not valid YAML is reported once.
/// </summary>
public static partial class YamlEntryReader
{
    private static readonly HashSet<string> KnownKeys =
        ["id", "questions", "answer", "source", "url", "audience", "tags", "related", "effective", "expires"];

    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex IdPattern();

    public static IEnumerable<KnowledgeEntry> Read(string displayName, TextReader reader, List<KnowledgeLoadIssue> issues)
    {
        var text = reader.ReadToEnd();
        if (!IsWellFormed(text, out var errorLine, out var error))
        {
            issues.Add(new(displayName, errorLine, $"YAML 语法错误：{error}"));
            yield break;
        }

        var stream = new YamlStream();
        stream.Load(new StringReader(text));

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            yield break;
        }

        if (stream.Documents[0].RootNode is not YamlSequenceNode sequence)
        {
            issues.Add(new(displayName, Line(stream.Documents[0].RootNode), "文件应是条目列表（每个条目以 “- id:” 开头）"));
            yield break;
        }

        foreach (var node in sequence.Children)
        {
            var entry = ReadEntry(displayName, node, issues);
            if (entry is not null)
            {
                yield return entry;
            }
        }
    }

    /// <summary>
    /// Parses the text event by event, so a syntax error names the line where it happened. YamlDotNet throws
    /// <see cref="InvalidOperationException"/> rather than <see cref="YamlException"/> for some malformed input (an
    /// unclosed flow sequence); then the line of the last event read is the best there is.
    /// </summary>
    private static bool IsWellFormed(string text, out int line, out string error)
    {
        var parser = new Parser(new StringReader(text));
        line = 1;
        error = string.Empty;
        try
        {
            while (parser.MoveNext())
            {
                line = (int)(parser.Current?.End.Line ?? line);
            }

            return true;
        }
        catch (YamlException ex)
        {
            line = (int)ex.Start.Line;
            error = ex.Message;
            return false;
        }
        catch (InvalidOperationException)
        {
            error = "无法解析（括号或引号没有闭合？）";
            return false;
        }
    }

    private static KnowledgeEntry? ReadEntry(string file, YamlNode node, List<KnowledgeLoadIssue> issues)
    {
        var line = Line(node);
        if (node is not YamlMappingNode map)
        {
            issues.Add(new(file, line, "条目应是键值对（id、questions、answer……）"));
            return null;
        }

        var fields = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        foreach (var (key, value) in map.Children)
        {
            var name = (key as YamlScalarNode)?.Value ?? string.Empty;
            if (!KnownKeys.Contains(name))
            {
                issues.Add(new(file, Line(key), $"未知字段 “{name}”，已忽略"));
                continue;
            }

            fields[name] = value;
        }

        var id = Scalar(fields, "id");
        if (string.IsNullOrWhiteSpace(id) || !IdPattern().IsMatch(id))
        {
            issues.Add(new(file, line, "缺少 id，或 id 不符合 [a-z0-9-]+"));
            return null;
        }

        var questions = List(fields, "questions");
        if (questions is null || questions.Count == 0)
        {
            issues.Add(new(file, line, $"条目 {id} 缺少 questions（至少一个问法）"));
            return null;
        }

        var answer = Scalar(fields, "answer")?.TrimEnd().TrimStart('\r', '\n');
        if (string.IsNullOrWhiteSpace(answer))
        {
            issues.Add(new(file, line, $"条目 {id} 缺少 answer"));
            return null;
        }

        if (answer.Length > KnowledgeEntry.MaxAnswerLength)
        {
            issues.Add(new(file, Line(fields["answer"]), $"条目 {id} 的 answer 有 {answer.Length} 字，超过 {KnowledgeEntry.MaxAnswerLength} 字，请拆成几条"));
            return null;
        }

        if (!TryAudience(Scalar(fields, "audience"), out var audience))
        {
            issues.Add(new(file, Line(fields["audience"]), $"条目 {id} 的 audience 只能是 public、members 或 staff"));
            return null;
        }

        if (!IsWebAddress(Scalar(fields, "url")))
        {
            issues.Add(new(file, Line(fields["url"]), $"条目 {id} 的 url 应是 http:// 或 https:// 开头的网址"));
            return null;
        }

        if (!TryDate(fields, "effective", out var effective) || !TryDate(fields, "expires", out var expires))
        {
            issues.Add(new(file, line, $"条目 {id} 的 effective/expires 应是 YYYY-MM-DD 日期"));
            return null;
        }

        if (effective is not null && expires is not null && expires < effective)
        {
            issues.Add(new(file, line, $"条目 {id} 的 expires 早于 effective"));
            return null;
        }

        return new KnowledgeEntry
        {
            Id = id,
            Questions = questions,
            Answer = answer,
            Source = Scalar(fields, "source"),
            Url = Scalar(fields, "url"),
            Audience = audience,
            Tags = List(fields, "tags") ?? [],
            Related = List(fields, "related") ?? [],
            Effective = effective,
            Expires = expires,
            File = file,
            Line = line,
        };
    }

    private static int Line(YamlNode node) => (int)node.Start.Line;

    private static string? Scalar(Dictionary<string, YamlNode> fields, string key) =>
        fields.TryGetValue(key, out var node) && node is YamlScalarNode scalar ? scalar.Value : null;

    private static List<string>? List(Dictionary<string, YamlNode> fields, string key)
    {
        if (!fields.TryGetValue(key, out var node))
        {
            return null;
        }

        return node switch
        {
            YamlSequenceNode seq => seq.Children.OfType<YamlScalarNode>()
                .Select(s => s.Value?.Trim() ?? string.Empty).Where(s => s.Length > 0).ToList(),
            YamlScalarNode { Value: { Length: > 0 } one } => [one.Trim()],
            _ => [],
        };
    }

    private static bool TryAudience(string? value, out KnowledgeAudience audience)
    {
        audience = KnowledgeAudience.Members;
        switch (value?.Trim().ToLowerInvariant())
        {
            case null or "":
            case "members":
                return true;
            case "public":
                audience = KnowledgeAudience.Public;
                return true;
            case "staff":
                audience = KnowledgeAudience.Staff;
                return true;
            default:
                return false;
        }
    }

    private static bool TryDate(Dictionary<string, YamlNode> fields, string key, out DateOnly? date)
    {
        date = null;
        var text = Scalar(fields, key);
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            date = parsed;
            return true;
        }

        return false;
    }

    /// <summary>
    /// True for no link or an absolute http(s) address, the rule the Teams editor applies: the citation becomes a
    /// link, and a <c>javascript:</c> or relative one is nothing a reader should be sent to.
    /// </summary>
    internal static bool IsWebAddress(string? url) =>
        string.IsNullOrWhiteSpace(url)
        || Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    internal static bool TryParseAudience(string? value, out KnowledgeAudience audience) => TryAudience(value, out audience);
}
