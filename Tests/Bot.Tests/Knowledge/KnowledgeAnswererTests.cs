using Cppcc.Bot.Knowledge;
using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Knowledge;
using Cppcc.Dialogs.Root;
using LiteDB;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Cppcc.Bot.Tests.Knowledge;

public class KnowledgeAnswererTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cppcc-kb-").FullName;
    private readonly LiteDatabase _db = new(new MemoryStream());
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero));

    public KnowledgeAnswererTests()
    {
        File.WriteAllText(Path.Combine(_folder, "kb.yaml"), """
            - id: study-monthly
              questions: [集中学习多久组织一次？]
              answer: 每月组织一次集中学习。
              source: 区政协年度工作思路
              audience: members
              related: [suggest-how, staff-only]
            - id: suggest-how
              questions: [群众怎么向区政协提建议？]
              answer: 在网页上发送“建议”。
              audience: public
            - id: staff-only
              questions: [知识库怎么维护？]
              answer: 用知识库命令。
              audience: staff
            - id: summer-plan
              questions: [暑期调研安排是什么？]
              answer: 七月集中调研。
              audience: public
              effective: 2026-07-01
              expires: 2026-08-31
            """);
    }

    public void Dispose()
    {
        _db.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    private KnowledgeAnswerer Answerer()
    {
        var options = Options.Create(new KnowledgeOptions { Path = _folder });
        var kb = new KnowledgeBase(options, new Env(), new KnowledgeEntryStore(_db), NullLogger<KnowledgeBase>.Instance);
        return new KnowledgeAnswerer(kb, options, new OfficeTime(_time, OfficeSettings.Default), []);
    }

    [Fact]
    public async Task A_member_gets_the_answer_with_citation_and_only_the_related_entries_they_may_see()
    {
        var result = await Answerer().AnswerAsync("委员集中学习多久一次？", Role.Member, null, default);

        Assert.Equal(KnowledgeResultKind.Answer, result.Kind);
        Assert.Equal("study-monthly", result.Answer!.EntryId);
        Assert.Equal("区政协年度工作思路", result.Answer.Citation);
        Assert.Equal(["suggest-how"], result.Answer.Related.Select(r => r.EntryId));
    }

    [Theory]
    [InlineData("集中學習多久組織一次？")]
    [InlineData("集中学习　多久 组织一次?")]
    [InlineData("ｊｉ集中学习多久组织一次")]
    public async Task Traditional_characters_full_width_and_stray_spaces_find_the_same_entry(string question)
    {
        var result = await Answerer().AnswerAsync(question, Role.Member, null, default);

        Assert.Equal("study-monthly", result.Answer?.EntryId);
    }

    [Fact]
    public async Task The_public_never_gets_a_members_or_staff_entry()
    {
        var answerer = Answerer();

        Assert.Null((await answerer.AnswerAsync("集中学习多久组织一次？", Role.Public, null, default)).Answer);
        Assert.Null((await answerer.AnswerAsync("知识库怎么维护？", Role.Member, null, default)).Answer);
        Assert.Null(answerer.Find("study-monthly", Role.Public));
        Assert.Equal("staff-only", (await answerer.AnswerAsync("知识库怎么维护？", Role.Staff, null, default)).Answer?.EntryId);
    }

    [Fact]
    public async Task Entries_outside_their_effective_window_are_not_served()
    {
        var answerer = Answerer();
        Assert.Null((await answerer.AnswerAsync("暑期调研安排是什么？", Role.Public, null, default)).Answer);

        _time.SetUtcNow(new DateTimeOffset(2026, 6, 30, 16, 30, 0, TimeSpan.Zero)); // 2026-07-01 00:30 in Beijing
        Assert.Equal("summer-plan", (await answerer.AnswerAsync("暑期调研安排是什么？", Role.Public, null, default)).Answer?.EntryId);

        _time.SetUtcNow(new DateTimeOffset(2026, 9, 1, 2, 0, 0, TimeSpan.Zero));
        Assert.Null(answerer.Find("summer-plan", Role.Public));
    }

    [Theory]
    [InlineData("今天天气怎么样")]
    [InlineData("社保卡丢了怎么补办")]
    [InlineData("？？？")]
    public async Task Questions_the_kb_does_not_cover_get_no_answer(string question)
    {
        var result = await Answerer().AnswerAsync(question, Role.Staff, null, default);

        Assert.Null(result.Answer);
    }

    private sealed class Env : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";
        public string ApplicationName { get; set; } = "test";
        public string ContentRootPath { get; set; } = Path.GetTempPath();
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
