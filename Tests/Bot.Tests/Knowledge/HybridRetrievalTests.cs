using Cppcc.Bot.AI;
using Cppcc.Bot.Knowledge;
using Cppcc.Bot.Tests.Support;
using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Knowledge;
using Cppcc.Dialogs.Root;
using LiteDB;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Cppcc.Bot.Tests.Knowledge;

/// <summary>Hybrid retrieval (embeddings blended with words) against the loopback Azure OpenAI wire-format stub.</summary>
public class HybridRetrievalTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();
    private readonly List<LiteDatabase> _open = [];
    private LoopbackAzureOpenAI _openAI = null!;

    public async Task InitializeAsync() => _openAI = await LoopbackAzureOpenAI.StartAsync();

    public async Task DisposeAsync()
    {
        await _openAI.DisposeAsync();
        _open.ForEach(d => d.Dispose());
        _db.Dispose();
    }

    /// <summary>
    /// A bot start: the shipped kb/ over the test database, with embeddings when <paramref name="hybrid"/>. The timeout
    /// is generous unless a test is about it: on a busy CI machine the loopback answer itself can take over a second.
    /// </summary>
    private (KnowledgeBase Kb, KnowledgeAnswerer Answerer) Start(bool hybrid = true, int timeoutSeconds = 10)
    {
        var db = _db.Open();
        _open.Add(db);
        var options = Options.Create(new KnowledgeOptions { Path = Path.Combine(BotFactory.RepositoryRoot, "kb"), WatchFiles = false });
        var ai = Options.Create(new AzureOpenAIOptions
        {
            Endpoint = _openAI.Endpoint,
            ApiKey = "loopback-key",
            EmbeddingDeployment = "embed",
            EmbeddingTimeoutSeconds = timeoutSeconds,
        });
        IKnowledgeEmbedder[] embedders = hybrid ? [new AzureOpenAIEmbedder(ai, TimeProvider.System, NullLogger<AzureOpenAIEmbedder>.Instance)] : [];
        var embeddings = new KnowledgeEmbeddings(embedders, new EmbeddingCacheStore(db), TimeSpan.FromSeconds(timeoutSeconds));
        var kb = new KnowledgeBase(options, new Env(), new KnowledgeEntryStore(db), NullLogger<KnowledgeBase>.Instance, embeddings);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 6, 1, 2, 0, 0, TimeSpan.Zero));
        return (kb, new KnowledgeAnswerer(kb, options, new OfficeTime(time, OfficeSettings.Default), [], embeddings));
    }

    [Fact]
    public void Entry_embeddings_are_fetched_in_batches_once_and_a_restart_takes_them_from_storage()
    {
        var (first, _) = Start();
        var fetched = _openAI.EmbeddingCalls.ToArray();
        Assert.True(first.Current.Index.HasVectors);
        Assert.True(fetched.Length > 1, "the KB needs more than one batch");
        Assert.All(fetched, batch => Assert.InRange(batch.Length, 1, KnowledgeEmbeddings.BatchSize));

        var (second, _) = Start();

        Assert.True(second.Current.Index.HasVectors);
        Assert.Equal(fetched.Length, _openAI.EmbeddingCalls.Count); // not one call more
    }

    [Fact]
    public async Task A_paraphrase_words_alone_only_suggest_is_answered_with_the_blend()
    {
        // Found by asking both builds: by words alone "请假了怎么补课" only gets "您是不是想问" (study-leave next to
        // assess-attendance); the stub's character vectors lift study-leave to a confident answer.
        const string question = "请假了怎么补课";
        var (_, lexical) = Start(hybrid: false);
        var (_, hybrid) = Start();

        var alone = await lexical.AnswerAsync(question, Role.Member, null, default);
        var blended = await hybrid.AnswerAsync(question, Role.Member, null, default);

        Assert.NotEqual(KnowledgeResultKind.Answer, alone.Kind);
        Assert.Equal(KnowledgeResultKind.Answer, blended.Kind);
        Assert.Equal("study-leave", blended.Answer!.EntryId);
    }

    [Fact]
    public async Task The_hosted_bot_with_an_embedding_deployment_answers_with_the_blend()
    {
        using var factory = new BotFactory(_db, new Dictionary<string, string?>
        {
            ["AzureOpenAI:Endpoint"] = _openAI.Endpoint,
            ["AzureOpenAI:ApiKey"] = "loopback-key",
            ["AzureOpenAI:EmbeddingDeployment"] = "embed",
        });
        var client = factory.CreateClient();

        var reply = Assert.Single(await BotFactory.SendAsync(client, BotFactory.TeamsMessage("请假了怎么补课")));

        Assert.Contains("请假", BotFactory.ReadableText(reply)); // the answer is on the card
        Assert.Contains(_openAI.EmbeddingCalls, call => call is ["请假了怎么补课"]); // the question was embedded
        Assert.DoesNotContain("您是不是想问", reply.ToString());
    }

    [Theory]
    [InlineData("slow")]
    [InlineData("429")]
    public async Task When_the_questions_embedding_fails_words_alone_answer(string failure)
    {
        const string question = "委员每个月都要参加集中学习吗？";
        var (_, lexical) = Start(hybrid: false);
        var expected = await lexical.AnswerAsync(question, Role.Member, null, default);
        Assert.Equal(KnowledgeResultKind.Answer, expected.Kind);
        var (kb, answerer) = Start(timeoutSeconds: 1);
        Assert.True(kb.Current.Index.HasVectors);
        var calls = _openAI.EmbeddingCalls.Count;
        _openAI.EmbeddingMode = failure;

        var answer = await answerer.AnswerAsync(question, Role.Member, null, default);

        Assert.Equal(calls + 1, _openAI.EmbeddingCalls.Count); // the question's embedding was asked for, and failed
        Assert.Equal(KnowledgeResultKind.Answer, answer.Kind);
        Assert.Equal(expected.Answer!.EntryId, answer.Answer!.EntryId);
    }

    [Fact]
    public void A_throttled_start_up_backs_off_and_still_loads_the_embeddings()
    {
        _openAI.Embedding429sLeft = 2;

        var (kb, _) = Start();

        Assert.True(kb.Current.Index.HasVectors);
        Assert.Equal(0, _openAI.Embedding429sLeft);
    }

    [Fact]
    public async Task A_start_up_throttled_beyond_its_retries_answers_by_words_alone()
    {
        _openAI.EmbeddingMode = "429";

        var (kb, answerer) = Start();
        var answer = await answerer.AnswerAsync("委员每个月都要参加集中学习吗？", Role.Member, null, default);

        Assert.False(kb.Current.Index.HasVectors);
        var attempts = _openAI.EmbeddingCalls.Count(batch => batch.Length > 1); // the question's own call has one text
        Assert.Equal(KnowledgeEmbeddings.LoadAttempts, attempts); // bounded, then given up
        Assert.Equal(KnowledgeResultKind.Answer, answer.Kind);
    }

    private sealed class Env : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";
        public string ApplicationName { get; set; } = "test";
        public string ContentRootPath { get; set; } = Path.GetTempPath();
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } = null!;
    }
}
