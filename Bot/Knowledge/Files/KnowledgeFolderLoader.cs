namespace Cppcc.Bot.Knowledge.Files;

/// <summary>
/// Loads every *.yaml, *.yml and *.md file under a folder. Problems are collected per file and per entry (file,
/// line, reason); the good entries still load. Duplicate ids keep the first one seen (files in ordinal order).
/// </summary>
public static class KnowledgeFolderLoader
{
    public static KnowledgeLoadResult Load(string folder) => Load(folder, _ => true);

    /// <summary>As <see cref="Load(string)"/>, only the files whose path relative to the folder passes <paramref name="include"/>.</summary>
    public static KnowledgeLoadResult Load(string folder, Func<string, bool> include)
    {
        var entries = new List<KnowledgeEntry>();
        var issues = new List<KnowledgeLoadIssue>();
        if (!Directory.Exists(folder))
        {
            issues.Add(new(folder, 0, "知识库文件夹不存在"));
            return new(entries, issues);
        }

        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
                        || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
                        || f.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in files)
        {
            var name = Path.GetRelativePath(folder, path);
            if (!include(name))
            {
                continue;
            }

            foreach (var entry in ReadFile(path, name, issues))
            {
                if (!ids.Add(entry.Id))
                {
                    issues.Add(new(name, entry.Line, $"id “{entry.Id}” 重复，这一条已忽略"));
                    continue;
                }

                entries.Add(entry);
            }
        }

        foreach (var entry in entries)
        {
            foreach (var related in entry.Related.Where(r => !ids.Contains(r)))
            {
                issues.Add(new(entry.File, entry.Line, $"条目 {entry.Id} 的 related 指向不存在的条目 “{related}”"));
            }
        }

        return new(entries, issues);
    }

    private static List<KnowledgeEntry> ReadFile(string path, string name, List<KnowledgeLoadIssue> issues)
    {
        try
        {
            using var reader = new StreamReader(path);
            return path.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
                ? MarkdownDocumentReader.Read(name, Path.GetFileNameWithoutExtension(path), reader, issues).ToList()
                : YamlEntryReader.Read(name, reader, issues).ToList();
        }
        catch (IOException ex)
        {
            issues.Add(new(name, 0, $"无法读取文件：{ex.Message}"));
            return [];
        }
    }
}
