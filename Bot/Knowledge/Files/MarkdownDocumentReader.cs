using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Cppcc.Bot.Knowledge.Files;

/// <summary>
/// Reads a Markdown document (docs/contract.md, Knowledge base files): optional YAML front matter (title, source, url, audience), then
/// the body split at "#" and "##" headings into passages, each answerable on its own and cited as "title › heading".
/// Passage ids are "file-stem#heading".
/// </summary>
public static class MarkdownDocumentReader
{
    public static IEnumerable<KnowledgeEntry> Read(string displayName, string stem, TextReader reader, List<KnowledgeLoadIssue> issues)
    {
        var lines = new List<string>();
        while (reader.ReadLine() is { } l)
        {
            lines.Add(l);
        }

        var front = new Dictionary<string, string>(StringComparer.Ordinal);
        var bodyStart = 0;
        if (lines.Count > 0 && lines[0].Trim() == "---")
        {
            var end = lines.FindIndex(1, l => l.Trim() == "---");
            if (end < 0)
            {
                issues.Add(new(displayName, 1, "front matter 没有结束的 “---”"));
                yield break;
            }

            if (!TryReadFrontMatter(string.Join('\n', lines.Skip(1).Take(end - 1)), front, out var error, out var errorLine))
            {
                issues.Add(new(displayName, errorLine + 1, error));
                yield break;
            }

            bodyStart = end + 1;
        }

        front.TryGetValue("audience", out var audienceText);
        if (!YamlEntryReader.TryParseAudience(audienceText, out var audience))
        {
            issues.Add(new(displayName, 1, "audience 只能是 public、members 或 staff"));
            yield break;
        }

        front.TryGetValue("title", out var title);
        title ??= lines.Skip(bodyStart).Where(l => l.StartsWith("# ", StringComparison.Ordinal)).Select(l => l[2..].Trim()).FirstOrDefault(t => t.Length > 0) ?? stem;
        front.TryGetValue("source", out var source);
        front.TryGetValue("url", out var url);
        if (!YamlEntryReader.IsWebAddress(url))
        {
            issues.Add(new(displayName, 1, "url 应是 http:// 或 https:// 开头的网址"));
            yield break;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        string heading = title;
        var headingLine = bodyStart + 1;
        var text = new List<string>();
        var inFence = false;
        for (var i = bodyStart; i <= lines.Count; i++)
        {
            var isEnd = i == lines.Count;
            if (!isEnd && IsFence(lines[i]))
            {
                inFence = !inFence;
            }

            // A "#" line inside a ``` block is code (a shell comment, a Markdown sample), not a heading.
            var newHeading = !isEnd && !inFence ? HeadingOf(lines[i]) : null;
            if (newHeading is { Length: 0 })
            {
                issues.Add(new(displayName, i + 1, "标题为空，已忽略（下面的内容并入上一段）"));
                continue;
            }

            if (isEnd || newHeading is not null)
            {
                var body = string.Join('\n', text).Trim();
                if (body.Length > KnowledgeEntry.MaxAnswerLength)
                {
                    issues.Add(new(displayName, headingLine,
                        $"“{heading}” 这一段有 {body.Length} 字，超过 {KnowledgeEntry.MaxAnswerLength} 字，已忽略；请用 ## 小标题分成几段"));
                }
                else if (body.Length > 0 && seen.Add(heading))
                {
                    yield return new KnowledgeEntry
                    {
                        Id = $"{stem}#{heading}",
                        Questions = [heading],
                        Answer = body,
                        Title = title,
                        Heading = heading,
                        Source = source ?? title,
                        Url = url,
                        Audience = audience,
                        File = displayName,
                        Line = headingLine,
                    };
                }
                else if (body.Length > 0)
                {
                    issues.Add(new(displayName, headingLine, $"标题 “{heading}” 重复，这一段已忽略"));
                }

                if (newHeading is not null)
                {
                    heading = newHeading;
                    headingLine = i + 1;
                    text.Clear();
                }

                continue;
            }

            text.Add(lines[i]);
        }
    }

    private static bool IsFence(string line)
    {
        var trimmed = line.TrimStart(' ');
        return line.Length - trimmed.Length <= 3
               && (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal));
    }

    private static string? HeadingOf(string line)
    {
        if (line.StartsWith("# ", StringComparison.Ordinal))
        {
            return line[2..].Trim();
        }

        return line.StartsWith("## ", StringComparison.Ordinal) ? line[3..].Trim() : null;
    }

    private static bool TryReadFrontMatter(string yaml, Dictionary<string, string> front, out string error, out int line)
    {
        error = string.Empty;
        line = 1;
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException ex)
        {
            error = $"front matter 不是有效的 YAML：{ex.Message}";
            line = (int)ex.Start.Line;
            return false;
        }

        if (stream.Documents.Count == 0)
        {
            return true;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode map)
        {
            error = "front matter 应是键值对（title、source、url、audience）";
            return false;
        }

        foreach (var (key, value) in map.Children)
        {
            if (key is YamlScalarNode { Value: { } name } && value is YamlScalarNode { Value: { } text })
            {
                front[name] = text.Trim();
            }
        }

        return true;
    }
}
