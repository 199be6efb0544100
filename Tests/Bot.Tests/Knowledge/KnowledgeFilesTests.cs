using Cppcc.Bot.Knowledge;
using Cppcc.Bot.Knowledge.Files;

namespace Cppcc.Bot.Tests.Knowledge;

public class KnowledgeFilesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cppcc-kb-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void Write(string name, string text) => File.WriteAllText(Path.Combine(_folder, name), text);

    private const string Good = """
        - id: good-one
          questions: [好问题？]
          answer: 好答案。
          audience: public
          related: [good-two]
        - id: good-two
          questions:
            - 第二个问题？
          answer: |
            第二个答案。
        """;

    [Fact]
    public void An_unreadable_file_is_named_relative_to_the_folder_with_a_chinese_reason_and_no_server_path()
    {
        Write("a-good.yaml", Good);
        Directory.CreateDirectory(Path.Combine(_folder, "sub"));
        // A link whose file is gone: listed, but reading it fails (as root too, unlike a file without read rights).
        File.CreateSymbolicLink(Path.Combine(_folder, "sub", "gone.yaml"), Path.Combine(_folder, "moved-away.yaml"));

        var result = KnowledgeFolderLoader.Load(_folder);

        Assert.Equal(["good-one", "good-two"], result.Entries.Select(e => e.Id));
        var issue = Assert.Single(result.Issues);
        Assert.Equal(Path.Combine("sub", "gone.yaml"), issue.File);
        Assert.Contains("无法读取文件", issue.ToString());
        Assert.DoesNotContain(_folder, issue.ToString());
        Assert.DoesNotContain("Could not", issue.ToString());
        Assert.Contains(_folder, issue.Detail); // the server log keeps what .NET said
    }

    [Fact]
    public void A_file_that_is_not_yaml_is_reported_with_its_line_and_the_good_files_still_load()
    {
        Write("a-good.yaml", Good);
        Write("b-broken.yaml", "- id: x\n  questions: [一\n  answer: 缺了括号\n");

        var result = KnowledgeFolderLoader.Load(_folder);

        Assert.Equal(["good-one", "good-two"], result.Entries.Select(e => e.Id));
        var issue = Assert.Single(result.Issues);
        Assert.Equal("b-broken.yaml", issue.File);
        Assert.True(issue.Line >= 2, issue.ToString());
        Assert.Contains("YAML", issue.Reason);
    }

    [Fact]
    public void Bad_entries_are_reported_one_by_one_and_skipped()
    {
        Write("kb.yaml", """
            - id: ok
              questions: [可以吗？]
              answer: 可以。
            - id: Bad_Id
              questions: [问？]
              answer: 答。
            - id: no-answer
              questions: [没有答案？]
            - id: bad-audience
              questions: [谁能看？]
              answer: 答。
              audience: everyone
            - id: ok
              questions: [重复？]
              answer: 重复的编号。
            - id: window
              questions: [日期？]
              answer: 答。
              effective: 2026-12-31
              expires: 2026-01-01
            """);

        var result = KnowledgeFolderLoader.Load(_folder);

        Assert.Equal(["ok"], result.Entries.Select(e => e.Id));
        Assert.Equal([4, 7, 12, 13, 16], result.Issues.Select(i => i.Line).Order());
        Assert.Contains(result.Issues, i => i.Line == 4 && i.Reason.Contains("[a-z0-9-]+"));
        Assert.Contains(result.Issues, i => i.Line == 7 && i.Reason.Contains("answer"));
        Assert.Contains(result.Issues, i => i.Line == 12 && i.Reason.Contains("audience"));
        Assert.Contains(result.Issues, i => i.Reason.Contains("重复"));
        Assert.Contains(result.Issues, i => i.Line == 16 && i.Reason.Contains("expires"));
    }

    [Fact]
    public void A_markdown_document_is_split_at_headings_into_cited_passages()
    {
        Write("plan.md", """
            ---
            title: 年度工作思路
            source: 区政协
            audience: public
            ---
            # 年度工作思路

            引言段落。

            ## 民主监督

            开展视察和民主评议。

            ## 社情民意

            畅通渠道。
            """);

        var result = KnowledgeFolderLoader.Load(_folder);

        Assert.Empty(result.Issues);
        Assert.Equal(["plan#年度工作思路", "plan#民主监督", "plan#社情民意"], result.Entries.Select(e => e.Id));
        var passage = result.Entries[1];
        Assert.Equal(KnowledgeAudience.Public, passage.Audience);
        Assert.Equal("开展视察和民主评议。", passage.Answer);
        Assert.Equal("年度工作思路 › 民主监督", KnowledgeAnswerer.Citation(passage));
    }

    [Fact]
    public void A_file_saved_as_gbk_is_reported_with_its_line_and_loads_nothing_garbled()
    {
        Write("a-good.yaml", Good);
        var gbk = System.Text.CodePagesEncodingProvider.Instance.GetEncoding(936)!;
        File.WriteAllBytes(Path.Combine(_folder, "b-gbk.yaml"),
            gbk.GetBytes("- id: canteen\n  questions: [机关食堂几点开饭？]\n  answer: 午饭11点半开始。\n"));
        File.WriteAllBytes(Path.Combine(_folder, "c-bom-crlf.yaml"),
            [.. System.Text.Encoding.UTF8.Preamble, .. System.Text.Encoding.UTF8.GetBytes("- id: with-bom\r\n  questions: [带签名的文件？]\r\n  answer: 可以读。\r\n")]);

        var result = KnowledgeFolderLoader.Load(_folder);

        Assert.Equal(["good-one", "good-two", "with-bom"], result.Entries.Select(e => e.Id));
        Assert.Equal(["可以读。"], result.Entries.Where(e => e.Id == "with-bom").Select(e => e.Answer));
        var issue = Assert.Single(result.Issues);
        Assert.Equal(("b-gbk.yaml", 2), (issue.File, issue.Line));
        Assert.Contains("UTF-8", issue.Reason);
    }

    [Fact]
    public void A_hash_line_in_a_code_block_is_no_heading_and_an_empty_heading_is_reported()
    {
        Write("guide.md", "# 操作指南\n开头。\n\n## 备份\n运行：\n```\n# 先停止服务\nsystemctl stop bot\n```\n# \n空标题下面的话。\n## 恢复\n反过来做。\n");

        var result = KnowledgeFolderLoader.Load(_folder);

        Assert.Equal(["guide#操作指南", "guide#备份", "guide#恢复"], result.Entries.Select(e => e.Id));
        Assert.Equal("运行：\n```\n# 先停止服务\nsystemctl stop bot\n```\n空标题下面的话。", result.Entries[1].Answer);
        var issue = Assert.Single(result.Issues);
        Assert.Equal(("guide.md", 10), (issue.File, issue.Line));
        Assert.Contains("标题为空", issue.Reason);
    }

    [Fact]
    public void A_link_that_is_not_a_web_address_is_reported_and_its_entry_skipped()
    {
        Write("kb.yaml", "- id: ok\n  questions: [好吗？]\n  answer: 好。\n  url: https://example.org/a\n- id: script-link\n  questions: [链接？]\n  answer: 点来源。\n  url: javascript:alert(1)\n");
        Write("doc.md", "---\ntitle: 文档\nurl: file:///etc/passwd\n---\n# 文档\n正文。\n");

        var result = KnowledgeFolderLoader.Load(_folder);

        Assert.Equal(["ok"], result.Entries.Select(e => e.Id));
        Assert.Equal([("doc.md", 1), ("kb.yaml", 8)], result.Issues.Select(i => (i.File, i.Line)).Order());
        Assert.All(result.Issues, i => Assert.Contains("http", i.Reason));
    }

    [Fact]
    public void An_answer_too_long_for_one_message_is_reported_and_the_others_load()
    {
        var huge = new string('长', KnowledgeEntry.MaxAnswerLength + 1);
        Write("kb.yaml", Good + $"\n- id: huge\n  questions: [很长吗？]\n  answer: {huge}\n");
        Write("doc.md", $"# 文档\n## 短的\n短。\n## 长的\n{huge}\n");

        var result = KnowledgeFolderLoader.Load(_folder);

        Assert.Equal(["doc#短的", "good-one", "good-two"], result.Entries.Select(e => e.Id));
        Assert.Equal([("doc.md", 4), ("kb.yaml", 13)], result.Issues.Select(i => (i.File, i.Line)).Order());
        Assert.All(result.Issues, i => Assert.Contains(KnowledgeEntry.MaxAnswerLength.ToString(System.Globalization.CultureInfo.InvariantCulture), i.Reason));
    }

    [Fact]
    public void A_link_back_up_the_folder_is_read_once()
    {
        Write("kb.yaml", Good);
        Directory.CreateSymbolicLink(Path.Combine(_folder, "loop"), ".");
        Directory.CreateSymbolicLink(Path.Combine(_folder, "up"), _folder);
        var shared = Directory.CreateTempSubdirectory("cppcc-kb-shared-").FullName;
        File.WriteAllText(Path.Combine(shared, "shared.yaml"), "- id: shared\n  questions: [共享的？]\n  answer: 是。\n");
        Directory.CreateSymbolicLink(Path.Combine(_folder, "common"), shared);

        var result = KnowledgeFolderLoader.Load(_folder);
        Directory.Delete(shared, recursive: true);

        Assert.Equal(["good-one", "good-two", "shared"], result.Entries.Select(e => e.Id).Order());
        Assert.Empty(result.Issues);
    }

    [Fact]
    public void Related_ids_that_do_not_exist_are_reported_but_the_entry_loads()
    {
        Write("kb.yaml", "- id: lonely\n  questions: [孤单？]\n  answer: 是的。\n  related: [nowhere]\n");

        var result = KnowledgeFolderLoader.Load(_folder);

        Assert.Single(result.Entries);
        Assert.Contains("nowhere", Assert.Single(result.Issues).Reason);
    }

    [Theory]
    [InlineData("  \n第一行是空白")]
    [InlineData("\t制表符开头")]
    [InlineData("旧系统的\r回车")]
    [InlineData("从 Word 复制的\u2028换行")]
    public void Exported_text_with_odd_white_space_reads_back_exactly(string text)
    {
        var entry = new KnowledgeEntry { Id = "odd", Questions = ["怪吗？"], Answer = text, Source = text };

        var yaml = new StringWriter();
        KnowledgeYamlWriter.Write(yaml, [entry]);
        var issues = new List<KnowledgeLoadIssue>();
        var back = YamlEntryReader.Read("export.yaml", new StringReader(yaml.ToString()), issues).ToList();

        Assert.Empty(issues);
        Assert.Equal((text.TrimStart('\n'), text), (Assert.Single(back).Answer, back[0].Source));
    }

    [Fact]
    public void Exported_yaml_reads_back_as_the_same_entries()
    {
        var loaded = KnowledgeFolderLoader.Load(Path.Combine(Support.BotFactory.RepositoryRoot, "kb")).Entries.Where(e => !e.IsPassage).ToList();
        var entries = loaded.Append(new KnowledgeEntry
        {
            Id = "tricky",
            Questions = ["冒号: 和 #号？", "- 以连字符开头"],
            Answer = "  缩进开头\n\n第二段：'引号' \"双引号\"",
            Audience = KnowledgeAudience.Staff,
            Effective = new DateOnly(2026, 1, 1),
            Expires = new DateOnly(2026, 12, 31),
            Tags = ["标签, 带逗号"],
            Url = "https://example.org/a?b=c#d",
        }).ToList();

        var yaml = new StringWriter();
        KnowledgeYamlWriter.Write(yaml, entries);
        var issues = new List<KnowledgeLoadIssue>();
        var back = YamlEntryReader.Read("export.yaml", new StringReader(yaml.ToString()), issues).ToList();

        Assert.Empty(issues);
        Assert.Equal(entries.Count, back.Count);
        foreach (var (a, b) in entries.Zip(back))
        {
            Assert.Equal(a.Id, b.Id);
            Assert.Equal(a.Questions, b.Questions);
            Assert.Equal(a.Answer.TrimEnd(), b.Answer);
            Assert.Equal((a.Source, a.Url, a.Audience, a.Effective, a.Expires), (b.Source, b.Url, b.Audience, b.Effective, b.Expires));
            Assert.Equal(a.Tags, b.Tags);
            Assert.Equal(a.Related, b.Related);
        }
    }
}
