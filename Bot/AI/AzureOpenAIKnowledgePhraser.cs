using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text;
using System.Text.RegularExpressions;
using Azure.AI.OpenAI;
using Cppcc.Bot.Knowledge;
using Microsoft.Extensions.Options;
using OpenAI.Chat;

namespace Cppcc.Bot.AI;

/// <summary>
/// Phrases a KB answer with an Azure OpenAI chat deployment, strictly from the retrieved passages. Any failure
/// (timeout, 429, 5xx, refusal, empty reply) returns null so the caller sends the plain KB answer: the model may
/// improve an answer, never block one. No retries: a user is waiting.
/// </summary>
public sealed partial class AzureOpenAIKnowledgePhraser : IKnowledgePhraser
{
    private const string NoAnswer = "NO_ANSWER";
    private const string Instructions =
        "你是区政协的问答助手。只能根据下面编号的资料回答用户的问题，不得使用资料以外的知识，不得编造。" +
        "用简洁的中文回答，在用到的资料后标注编号，如[1]。如果资料中没有问题的答案，只回复 " + NoAnswer + "。";

    private readonly ChatClient _chat;
    private readonly TimeSpan _timeout;
    private readonly ILogger<AzureOpenAIKnowledgePhraser> _logger;

    /// <summary>Creates the phraser over the configured deployment.</summary>
    public AzureOpenAIKnowledgePhraser(IOptions<AzureOpenAIOptions> options, ILogger<AzureOpenAIKnowledgePhraser> logger)
    {
        var o = options.Value;
        _timeout = TimeSpan.FromSeconds(o.TimeoutSeconds);
        _logger = logger;
        var clientOptions = new AzureOpenAIClientOptions { RetryPolicy = new ClientRetryPolicy(maxRetries: 0), NetworkTimeout = _timeout };
        _chat = new AzureOpenAIClient(new Uri(o.Endpoint), new ApiKeyCredential(o.ApiKey), clientOptions).GetChatClient(o.ChatDeployment);
    }

    [GeneratedRegex(@"\[(\d+)\]")]
    private static partial Regex CitationPattern();

    /// <inheritdoc />
    public async Task<PhrasedAnswer?> PhraseAsync(string question, IReadOnlyList<KnowledgeEntry> passages, CancellationToken cancellationToken)
    {
        var material = new StringBuilder();
        for (var i = 0; i < passages.Count; i++)
        {
            material.Append('[').Append(i + 1).Append("] ").Append(KnowledgeAnswerer.Citation(passages[i]) ?? passages[i].Id).Append('\n')
                .Append(passages[i].Answer.Trim()).Append("\n\n");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_timeout);
        try
        {
            ChatMessage[] messages = [new SystemChatMessage(Instructions), new UserChatMessage($"资料：\n{material}问题：{question}")];
            var completion = await _chat.CompleteChatAsync(messages, new ChatCompletionOptions { Temperature = 0 }, timeout.Token);
            var text = completion.Value.Content.Count > 0 ? completion.Value.Content[0].Text?.Trim() ?? "" : "";
            if (text.Length == 0 || text.Contains(NoAnswer, StringComparison.Ordinal))
            {
                return null;
            }

            var cited = CitationPattern().Matches(text)
                .Select(m => int.TryParse(m.Groups[1].Value, out var n) ? n - 1 : -1)
                .Where(n => n >= 0 && n < passages.Count).Distinct().Select(n => passages[n]).ToList();
            return new PhrasedAnswer(text, cited.Count > 0 ? cited : [passages[0]]);
        }
        catch (Exception e) when (e is ClientResultException or HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            _logger.LogWarning("Generative answer unavailable ({Error}, status {Status}); sending the plain KB answer",
                e.GetType().Name, (e as ClientResultException)?.Status);
            return null;
        }
    }
}
