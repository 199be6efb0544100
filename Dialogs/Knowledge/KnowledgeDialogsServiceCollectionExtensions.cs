using Cppcc.Dialogs.Root;
using Microsoft.Extensions.DependencyInjection;

namespace Cppcc.Dialogs.Knowledge;

/// <summary>Registers the knowledge-base conversation: questions, card actions and the staff command.</summary>
public static class KnowledgeDialogsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the answer to free text (<see cref="IQuestionHandler"/>, with its follow-up memory), the <c>kb.*</c> card
    /// actions, the <c>知识库</c> command and the staff's waiting-questions notice. The host provides
    /// <see cref="IKnowledgeAnswerer"/>, <see cref="IKnowledgeInbox"/> and <see cref="IKnowledgeCuration"/>.
    /// </summary>
    public static IServiceCollection AddKnowledgeConversation(this IServiceCollection services)
    {
        services.AddSingleton<KnowledgeFollowUp>();
        services.AddSingleton<IQuestionHandler, KnowledgeQuestionHandler>();
        services.AddSingleton<ICardAction, KnowledgeShowAction>();
        services.AddSingleton<ICardAction, KnowledgeFeedbackAction>();
        services.AddSingleton<ICardAction, KnowledgeHandOffAction>();
        services.AddSingleton<ICardAction, KnowledgeReplyAction>();
        services.AddSingleton<ICardAction, KnowledgePromoteAction>();
        services.AddSingleton<ICardAction, KnowledgeSaveAction>();
        services.AddSingleton<ITextCommand, KnowledgeStaffCommand>();
        services.AddSingleton<ITurnNotice, KnowledgeWaitingNotice>();
        return services;
    }
}
