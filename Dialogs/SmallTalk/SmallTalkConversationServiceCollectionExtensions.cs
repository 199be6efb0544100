using Microsoft.Extensions.DependencyInjection;

namespace Cppcc.Dialogs.SmallTalk;

/// <summary>Registers small talk: greetings, thanks, "你是谁" and "人工" answered before the knowledge base is asked.</summary>
public static class SmallTalkConversationServiceCollectionExtensions
{
    /// <summary>Adds <see cref="SmallTalkReplies"/>, which the root router asks before the knowledge base.</summary>
    public static IServiceCollection AddSmallTalkConversation(this IServiceCollection services)
        => services.AddSingleton<SmallTalkReplies>();
}
