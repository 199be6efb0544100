using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Framework.Prompts;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cppcc.Dialogs;

/// <summary>Registers the dialog framework, the root conversation and the shared prompts.</summary>
public static class DialogsServiceCollectionExtensions
{
    /// <summary>Ids of the general-purpose prompts every dialog may use.</summary>
    public static class PromptIds
    {
        /// <summary>Free text.</summary>
        public const string Text = "prompt.text";
        /// <summary>One of a list.</summary>
        public const string Choice = "prompt.choice";
        /// <summary>Yes / no.</summary>
        public const string Confirm = "prompt.confirm";
        /// <summary>A date and time (the office's zone unless an offset is given).</summary>
        public const string DateTime = "prompt.datetime";
    }

    /// <summary>
    /// Adds the framework and the root bot. Features add their own <see cref="Dialog"/>, <see cref="ITextCommand"/> and
    /// <see cref="ICardAction"/> singletons, and the router needs one <see cref="IQuestionHandler"/> (the knowledge
    /// conversation) and the small talk (<see cref="SmallTalk.SmallTalkConversationServiceCollectionExtensions"/>); the host
    /// provides <see cref="ICallerResolver"/>, <see cref="IConversationReferenceSink"/>, the bot states and a TimeProvider.
    /// </summary>
    public static IServiceCollection AddConversationDialogs(this IServiceCollection services)
    {
        services.AddSingleton<Dialog>(new TextPrompt(PromptIds.Text));
        services.AddSingleton<Dialog>(new ChoicePrompt(PromptIds.Choice));
        services.AddSingleton<Dialog>(new ConfirmPrompt(PromptIds.Confirm));
        services.AddSingleton<Dialog>(sp => new DateTimePrompt(PromptIds.DateTime, sp.GetRequiredService<OfficeTime>()));
        services.AddSingleton(sp => new DialogSet(sp.GetServices<Dialog>()));
        services.AddSingleton<DialogRunner>();
        services.AddSingleton(sp => new CommandTable(sp.GetServices<ITextCommand>()));
        services.TryAddSingleton(OfficeSettings.Default);
        services.TryAddSingleton<OfficeTime>();
        services.AddSingleton<LanguagePreference>();
        services.AddSingleton<ITextCommand>(sp => new LanguageCommand(sp.GetRequiredService<LanguagePreference>(), "zh-CN", new[] { "中文", "chinese" }));
        services.AddSingleton<ITextCommand>(sp => new LanguageCommand(sp.GetRequiredService<LanguagePreference>(), "en", new[] { "English", "英文" }));
        services.AddSingleton<ConversationRouter>();
        services.AddSingleton<IBot, CppccBot>();
        return services;
    }
}
