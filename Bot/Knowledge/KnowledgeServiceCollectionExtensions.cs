using Cppcc.Bot.Storage;
using Cppcc.Bot.Storage.Postgres;
using Cppcc.Dialogs.Knowledge;

namespace Cppcc.Bot.Knowledge;

/// <summary>Registers the knowledge base.</summary>
public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// Adds the knowledge base over <c>KnowledgeBase:Path</c> (reloaded when its files change), its stores (curated
    /// entries, feedback, unanswered questions, hand-off tickets) and the knowledge-base conversation.
    /// </summary>
    public static IServiceCollection AddKnowledge(this IServiceCollection services)
    {
        services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path), "KnowledgeBase:Path must name a folder.")
            .Validate(o => o.SuggestThreshold is null or (>= 0 and <= 1) && o.AnswerThreshold is null or (> 0 and <= 1)
                    && !(o.SuggestThreshold > o.AnswerThreshold),
                "KnowledgeBase:SuggestThreshold and AnswerThreshold must be empty (measured per KB) or in 0..1, suggest <= answer.")
            .Validate(o => o.CloseMargin is >= 0 and <= 1, "KnowledgeBase:CloseMargin must be in 0..1.")
            .Validate(o => o.FollowUpThreshold is null or (> 0 and <= 1), "KnowledgeBase:FollowUpThreshold must be empty (the KB's own level) or in 0..1.")
            .Validate(o => o.HandOffLimit is >= 1 and <= 10_000 && o.HandOffWindow > TimeSpan.Zero,
                "KnowledgeBase:HandOffLimit must be 1..10000 and KnowledgeBase:HandOffWindow positive.")
            .ValidateOnStart();
        services.AddPostgresSchema(PostgresKnowledgeEntryStore.Schema).AddStore<IKnowledgeEntryStore, KnowledgeEntryStore, PostgresKnowledgeEntryStore>();
        services.AddPostgresSchema(PostgresKnowledgeFeedbackStore.Schema).AddStore<IKnowledgeFeedbackStore, KnowledgeFeedbackStore, PostgresKnowledgeFeedbackStore>();
        services.AddPostgresSchema(PostgresEmbeddingCacheStore.Schema).AddStore<IEmbeddingCacheStore, EmbeddingCacheStore, PostgresEmbeddingCacheStore>();
        services.AddPostgresSchema(PostgresUnansweredQuestionStore.Schema).AddStore<IUnansweredQuestionStore, UnansweredQuestionStore, PostgresUnansweredQuestionStore>();
        services.AddPostgresSchema(PostgresKnowledgeTicketStore.Schema).AddStore<IKnowledgeTicketStore, KnowledgeTicketStore, PostgresKnowledgeTicketStore>();
        services.AddPostgresSchema(PostgresWaitingNoticeStore.Schema).AddStore<IWaitingNoticeStore, WaitingNoticeStore, PostgresWaitingNoticeStore>();
        services.AddSingleton<KnowledgeBase>();
        services.AddHostedService<KnowledgeFileWatcher>();
        services.AddSingleton<IKnowledgeAnswerer, KnowledgeAnswerer>();
        services.AddSingleton<HandOffLimiter>();
        services.AddSingleton<IKnowledgeInbox, KnowledgeInbox>();
        services.AddSingleton<IKnowledgeCuration, KnowledgeCuration>();
        services.AddKnowledgeConversation();
        return services;
    }
}
