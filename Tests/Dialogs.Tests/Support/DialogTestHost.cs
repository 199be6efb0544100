using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Knowledge;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Cppcc.Dialogs.Tests.Support;

/// <summary>
/// Builds the real root bot over in-memory fakes of the host's interfaces. Two hosts over the same
/// <see cref="IStorage"/> behave like one bot before and after a process restart.
/// </summary>
public sealed class DialogTestHost
{
    public DialogTestHost(IStorage? storage = null, Action<IServiceCollection>? configure = null, Role role = Role.Member)
    {
        Storage = storage ?? new MemoryStorage();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddSingleton(Storage);
        services.AddSingleton<ConversationState>();
        services.AddSingleton<UserState>();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<ICallerResolver>(new FixedRoleResolver(role));
        services.AddSingleton<IConversationReferenceSink>(References);
        services.AddSingleton<IKnowledgeAnswerer>(Knowledge);
        services.AddConversationDialogs();
        configure?.Invoke(services);
        Services = services.BuildServiceProvider();
        Bot = Services.GetRequiredService<IBot>();
    }

    public IStorage Storage { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));

    public RecordingReferenceSink References { get; } = new();

    public FakeKnowledge Knowledge { get; } = new();

    public ServiceProvider Services { get; }

    public IBot Bot { get; }

    /// <summary>A personal Teams-like conversation with this host's bot.</summary>
    public TestFlow Flow(string conversationId = "conv-1", string locale = "zh-CN")
    {
        var adapter = new TestAdapter(TestAdapter.CreateConversation(conversationId, "user-1", "bot")) { Locale = locale };
        return new TestFlow(adapter, Bot);
    }
}

public sealed class FixedRoleResolver : ICallerResolver
{
    private readonly Role _role;

    public FixedRoleResolver(Role role) => _role = role;

    public Caller Resolve(IActivity activity) => new(activity.ChannelId + ":" + activity.From?.Id, activity.From?.Name ?? "", _role);
}

public sealed class RecordingReferenceSink : IConversationReferenceSink
{
    public List<(Caller Caller, ConversationReference Reference)> Remembered { get; } = new();

    public Task RememberAsync(Caller caller, ConversationReference reference, CancellationToken cancellationToken)
    {
        Remembered.Add((caller, reference));
        return Task.CompletedTask;
    }
}

public sealed class FakeKnowledge : IKnowledgeAnswerer
{
    public List<string> Asked { get; } = new();

    public Task<KnowledgeAnswer?> AnswerAsync(string question, Role role, CancellationToken cancellationToken)
    {
        Asked.Add(question);
        KnowledgeAnswer? answer = question.Contains("学习", StringComparison.Ordinal)
            ? new KnowledgeAnswer("study-monthly", "每月组织一次集中学习。", "区政协年度工作思路", null)
            : null;
        return Task.FromResult(answer);
    }
}
