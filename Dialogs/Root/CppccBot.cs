using System.Text.RegularExpressions;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Cppcc.Dialogs.Root;

/// <summary>
/// The bot: remembers who writes or installs it, welcomes new conversations, and hands messages to the
/// <see cref="ConversationRouter"/>. In Teams channels and group chats it only reacts when @mentioned.
/// </summary>
public sealed partial class CppccBot(ConversationRouter router, ICallerResolver callers, IConversationReferenceSink references,
    ConversationState conversationState, UserState userState, LanguagePreference language) : ActivityHandler
{
    /// <inheritdoc />
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await language.ApplyAsync(turnContext, cancellationToken);
        await base.OnTurnAsync(turnContext, cancellationToken);
        await conversationState.SaveChangesAsync(turnContext, false, cancellationToken);
        await userState.SaveChangesAsync(turnContext, false, cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = (Activity)turnContext.Activity;
        if (IsSharedConversation(activity))
        {
            // Teams rule: in channels and group chats the bot answers only when @mentioned (card submits are ours).
            if (activity.Value is null && !IsBotMentioned(activity))
            {
                return;
            }

            // Strip every <at>…</at> tag ourselves: the SDK helper throws on mention entities without "mentioned".
            activity.Text = AtTag().Replace(activity.Text ?? "", "").Trim();
        }

        var caller = callers.Resolve(activity);
        await references.RememberAsync(caller, activity.GetConversationReference(), cancellationToken);
        await router.RouteMessageAsync(turnContext, caller, cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = (Activity)turnContext.Activity;
        var caller = callers.Resolve(activity);
        if (activity.From is not null)
        {
            await references.RememberAsync(caller, activity.GetConversationReference(), cancellationToken);
        }

        // Welcome once when the bot is installed or a personal chat starts; not for every new member of a team.
        if (membersAdded.Any(m => m.Id == activity.Recipient?.Id) || !IsSharedConversation(activity))
        {
            await router.WelcomeAsync(turnContext, caller, cancellationToken);
        }
    }

    /// <inheritdoc />
    protected override async Task OnInstallationUpdateAddAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = (Activity)turnContext.Activity;
        if (activity.From is not null)
        {
            await references.RememberAsync(callers.Resolve(activity), activity.GetConversationReference(), cancellationToken);
        }
    }

    private static bool IsSharedConversation(Activity activity)
        => activity.ChannelId == Microsoft.Bot.Connector.Channels.Msteams
           && activity.Conversation?.ConversationType is "channel" or "groupChat";

    private static bool IsBotMentioned(Activity activity)
        => (activity.Entities ?? new List<Entity>())
               .Where(e => e.Type == "mention" && e.Properties?["mentioned"] is Newtonsoft.Json.Linq.JObject)
               .Any(e => (string?)e.Properties["mentioned"]!["id"] == activity.Recipient?.Id)
           || (activity.Text?.Contains("<at>", StringComparison.OrdinalIgnoreCase) ?? false);

    [GeneratedRegex("<at>.*?</at>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex AtTag();
}
