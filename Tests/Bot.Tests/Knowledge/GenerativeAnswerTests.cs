using Cppcc.Bot.Tests.Support;

namespace Cppcc.Bot.Tests.Knowledge;

/// <summary>Optional Azure OpenAI phrasing against a loopback server speaking its wire format.</summary>
public class GenerativeAnswerTests : IAsyncLifetime
{
    private const string Question = "委员每个月都要参加集中学习吗？";
    private readonly TempDatabase _db = new();
    private LoopbackAzureOpenAI _openAI = null!;

    public async Task InitializeAsync() => _openAI = await LoopbackAzureOpenAI.StartAsync();

    public async Task DisposeAsync()
    {
        await _openAI.DisposeAsync();
        _db.Dispose();
    }

    private BotFactory Factory() => new(_db, new Dictionary<string, string?>
    {
        ["AzureOpenAI:Endpoint"] = _openAI.Endpoint,
        ["AzureOpenAI:ApiKey"] = "loopback-key",
        ["AzureOpenAI:ChatDeployment"] = "chat",
        // Long enough for a cold client on a loaded machine to reach the loopback model; "slow" still waits only this long.
        ["AzureOpenAI:TimeoutSeconds"] = "5",
    });

    private async Task<string> AskAsync()
    {
        using var factory = Factory();
        var client = factory.CreateClient();
        // Bounds a hang only: the model in "slow" mode never answers, so a reply at all means the bot stopped waiting.
        var replies = await BotFactory.SendAsync(client, BotFactory.TeamsMessage(Question)).WaitAsync(TimeSpan.FromSeconds(30));
        return BotFactory.ReadableText(Assert.Single(replies));
    }

    [Fact]
    public async Task The_model_phrases_the_answer_from_the_retrieved_passages_and_cites_them()
    {
        _openAI.Reply = "是的。区政协每月组织一次集中学习，时间地点会提前通知[1]。";

        var text = await AskAsync();

        Assert.StartsWith("是的。区政协每月组织一次集中学习", text);
        Assert.Contains("来源：区政协年度工作思路", text);
        var (path, apiKey, body) = Assert.Single(_openAI.Requests);
        Assert.StartsWith("/openai/deployments/chat/chat/completions?api-version=", path);
        Assert.Equal("loopback-key", apiKey);
        var prompt = body["messages"]!.ToString();
        Assert.Contains("每月组织一次集中学习", prompt); // the retrieved passage is the material
        Assert.Contains(Question, prompt);
        Assert.Contains("NO_ANSWER", prompt); // and the model is told to refuse without it
    }

    [Theory]
    [InlineData("refuse")]
    [InlineData("429")]
    [InlineData("500")]
    [InlineData("slow")]
    public async Task Any_failure_falls_back_to_the_plain_KB_answer_without_hanging(string mode)
    {
        _openAI.Mode = mode == "refuse" ? "ok" : mode;
        _openAI.Reply = "NO_ANSWER";
        _openAI.SlowDelay = Timeout.InfiniteTimeSpan;

        var text = await AskAsync();

        Assert.StartsWith("区政协**每月组织一次集中学习**", text); // the entry's answer, verbatim
        Assert.Contains("来源：区政协年度工作思路", text);
        Assert.Single(_openAI.Requests); // no retries while a user waits
        // A model that never answers is given up on, not awaited. The stub sees the dropped connection a moment after
        // the bot has replied (on a loaded machine, later than the assertion), so wait for it a little.
        for (var wait = 0; wait < 100 && mode == "slow" && _openAI.Abandoned == 0; wait++)
        {
            await Task.Delay(50);
        }

        Assert.Equal(mode == "slow" ? 1 : 0, _openAI.Abandoned);
    }
}
