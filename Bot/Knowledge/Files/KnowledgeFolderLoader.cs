using System.Text;
using System.Text.Unicode;

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

        var files = Files(folder)
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

    /// <summary>
    /// Every file under <paramref name="folder"/>. A linked folder is read once: a link back up the tree
    /// (<c>ln -s . loop</c>) would otherwise be followed until the path is too long, every file read dozens of times
    /// and each copy reported as a duplicate.
    /// </summary>
    private static IEnumerable<string> Files(string folder)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([folder]);
        while (pending.TryPop(out var directory))
        {
            var real = Directory.ResolveLinkTarget(directory, returnFinalTarget: true)?.FullName ?? Path.GetFullPath(directory);
            if (!seen.Add(Path.TrimEndingDirectorySeparator(real)))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(directory))
            {
                yield return file;
            }

            foreach (var sub in Directory.EnumerateDirectories(directory))
            {
                pending.Push(sub);
            }
        }
    }

    private static List<KnowledgeEntry> ReadFile(string path, string name, List<KnowledgeLoadIssue> issues)
    {
        string text;
        try
        {
            text = Decode(File.ReadAllBytes(path), name, issues);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            issues.Add(new(name, 0, "无法读取文件：" + Unreadable(ex), ex.Message));
            return [];
        }

        using var reader = new StringReader(text);
        return path.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
            ? MarkdownDocumentReader.Read(name, Path.GetFileNameWithoutExtension(path), reader, issues).ToList()
            : YamlEntryReader.Read(name, reader, issues).ToList();
    }

    /// <summary>Why a file could not be read, in the staff's words; what .NET said goes to the log only.</summary>
    private static string Unreadable(Exception ex) => ex switch
    {
        UnauthorizedAccessException => "没有读取权限，请检查文件权限",
        FileNotFoundException or DirectoryNotFoundException => "文件已不存在（可能刚被移动或删除，或是指向别处的链接已失效）",
        PathTooLongException => "路径太长",
        _ => "读取出错（文件可能正被占用），请稍后重新加载",
    };

    /// <summary>
    /// The file's text: UTF-8 (with or without a byte-order mark) or UTF-16 with one. Anything else, typically a file
    /// saved as GBK by a Chinese Windows editor, would read as garbled text that still loads and answers nobody: it is
    /// reported at the line of the first byte that is not UTF-8, and nothing of it loads.
    /// </summary>
    private static string Decode(byte[] bytes, string name, List<KnowledgeLoadIssue> issues)
    {
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        try
        {
            using var reader = new StreamReader(new MemoryStream(bytes), strict, detectEncodingFromByteOrderMarks: true);
            return reader.ReadToEnd();
        }
        catch (DecoderFallbackException)
        {
            var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
            Utf8.ToUtf16(bytes.AsSpan(start), new char[bytes.Length], out var valid, out _, replaceInvalidSequences: false);
            var line = bytes.AsSpan(0, start + valid).Count((byte)'\n') + 1;
            issues.Add(new(name, line, "文件不是 UTF-8 编码（可能是 GBK），已忽略；请用 UTF-8 编码另存后重新加载"));
            return "";
        }
    }
}
