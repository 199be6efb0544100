using Cppcc.Dialogs.Exports;
using Cppcc.Dialogs.Knowledge;
using Cppcc.Dialogs.Root;
using Cppcc.Dialogs.SmallTalk;
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
        services.AddSingleton<IKnowledgeInbox>(Inbox);
        services.AddSingleton<IDownloadLinks>(new FakeDownloadLinks());
        services.AddSingleton<Cppcc.Dialogs.Notifications.IUserNotifier>(Notifier);
        services.AddConversationDialogs();
        services.AddExportConversations();
        services.AddKnowledgeConversationForTests();
        services.AddSmallTalkConversation();
        configure?.Invoke(services);
        Services = services.BuildServiceProvider();
        Bot = Services.GetRequiredService<IBot>();
    }

    public IStorage Storage { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 27, 2, 0, 0, TimeSpan.Zero));

    public RecordingReferenceSink References { get; } = new();

    public RecordingNotifier Notifier { get; } = new();

    public FakeKnowledge Knowledge { get; } = new();

    public FakeKnowledgeInbox Inbox { get; } = new();

    public ServiceProvider Services { get; }

    public IBot Bot { get; }

    /// <summary>A personal Teams-like conversation with this host's bot.</summary>
    public TestFlow Flow(string conversationId = "conv-1", string locale = "zh-CN")
    {
        var adapter = new TestAdapter(TestAdapter.CreateConversation(conversationId, "user-1", "bot")) { Locale = locale };
        // CreateConversation puts the conversation's name into its conversationType; the tests talk in a personal chat.
        adapter.Conversation.Conversation.ConversationType = "personal";
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

    /// <summary>The previous entry id passed with each question (null: no follow-up context).</summary>
    public List<string?> AskedAfter { get; } = new();

    /// <summary>Entries by id; the default one answers anything about "学习".</summary>
    public Dictionary<string, (KnowledgeAnswer Answer, Role MinimumRole)> Entries { get; } = new()
    {
        ["study-monthly"] = (new KnowledgeAnswer("study-monthly", "每月组织一次集中学习。", "区政协年度工作思路", null), Role.Member),
    };

    /// <summary>Overrides the result for a question containing the key.</summary>
    public Dictionary<string, KnowledgeResult> Results { get; } = new();

    public Task<KnowledgeResult> AnswerAsync(string question, Role role, string? previousEntryId, CancellationToken cancellationToken)
    {
        Asked.Add(question);
        AskedAfter.Add(previousEntryId);
        foreach (var (key, result) in Results)
        {
            if (question.Contains(key, StringComparison.Ordinal))
            {
                return Task.FromResult(result);
            }
        }

        var result2 = question.Contains("学习", StringComparison.Ordinal)
            ? KnowledgeResult.Of(Entries["study-monthly"].Answer)
            : KnowledgeResult.None;
        return Task.FromResult(result2);
    }

    public KnowledgeAnswer? Find(string entryId, Role role)
        => Entries.TryGetValue(entryId, out var e) && role >= e.MinimumRole ? e.Answer : null;
}

public sealed class FakeKnowledgeInbox : IKnowledgeInbox
{
    public List<(string Question, Role Role)> Unanswered { get; } = new();

    public List<(string EntryId, bool Helpful, string UserKey)> Feedback { get; } = new();

    public List<(string Question, Caller Asker)> HandedOff { get; } = new();

    public List<(string Ticket, string Answer)> Replies { get; } = new();

    public void LogUnanswered(string question, Role role) => Unanswered.Add((question, role));

    public void RecordFeedback(string entryId, bool helpful, Caller caller) => Feedback.Add((entryId, helpful, caller.UserKey));

    public bool StaffReachable { get; set; } = true;

    public Task<HandOffTicket?> HandOffAsync(string question, Caller asker, CancellationToken cancellationToken)
    {
        HandedOff.Add((question, asker));
        return Task.FromResult<HandOffTicket?>(new HandOffTicket("KB-" + HandedOff.Count, StaffReachable));
    }

    public int TakeWaitingNotice(Caller staff) => 0;

    public IReadOnlyList<OpenTicket> OpenTickets(int max) => [];

    public Task<HandOffReply> ReplyAsync(string ticketId, string answer, Caller staff, CancellationToken cancellationToken)
    {
        if (ticketId != "KB-1")
        {
            return Task.FromResult(HandOffReply.UnknownTicket);
        }

        Replies.Add((ticketId, answer));
        return Task.FromResult(HandOffReply.Delivered);
    }
}

public static class KnowledgeTestRegistration
{
    /// <summary>The knowledge conversation with a curation fake (the host's fakes already answer and record).</summary>
    public static void AddKnowledgeConversationForTests(this Microsoft.Extensions.DependencyInjection.IServiceCollection services)
    {
        services.AddSingleton<IKnowledgeCuration>(new FakeCuration());
        services.AddKnowledgeConversation();
    }
}

public sealed class FakeCuration : IKnowledgeCuration
{
    public IReadOnlyList<UnansweredQuestion> Unanswered(int max) => [];

    public IReadOnlyList<EntryFeedback> Feedback() => [];

    public KnowledgeDraft? Draft(string entryId) => null;

    public IReadOnlyList<KnowledgeDraftIssue> Save(KnowledgeDraft draft, Caller staff) => [];

    public bool Retire(string entryId, Caller staff) => false;

    public KnowledgeExport Export() => new("/tmp/x.yaml", 0);

    public KnowledgeReload Reload() => new(0, []);
}

/// <summary>Records what would be sent to a user's personal chat; every user is reachable.</summary>
public sealed class RecordingNotifier : Cppcc.Dialogs.Notifications.IUserNotifier
{
    public List<(string UserKey, IMessageActivity Message)> Sent { get; } = new();

    public Task<bool> NotifyAsync(string userKey, IMessageActivity message, string jobId, CancellationToken cancellationToken)
    {
        Sent.Add((userKey, message));
        return Task.FromResult(true);
    }
}
