using System.Text.RegularExpressions;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Cppcc.Dialogs.Root;

/// <summary>
/// The bot: remembers who writes or installs it, welcomes new conversations, and hands messages to the
/// <see cref="ConversationRouter"/>. In Teams channels and group chats it only reacts when @mentioned.
/// </summary>
public sealed partial class CppccBot : ActivityHandler
{
    private readonly ConversationRouter _router;
    private readonly ICallerResolver _callers;
    private readonly IConversationReferenceSink _references;
    private readonly ConversationState _conversationState;
    private readonly UserState _userState;
    private readonly LanguagePreference _language;

    /// <summary>Creates the bot.</summary>
    public CppccBot(ConversationRouter router, ICallerResolver callers, IConversationReferenceSink references,
        ConversationState conversationState, UserState userState, LanguagePreference language)
    {
        _language = language;
        _router = router;
        _callers = callers;
        _references = references;
        _conversationState = conversationState;
        _userState = userState;
    }

    /// <inheritdoc />
    public override async Task OnTurnAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        await _language.ApplyAsync(turnContext, cancellationToken).ConfigureAwait(false);
        await base.OnTurnAsync(turnContext, cancellationToken).ConfigureAwait(false);
        await _conversationState.SaveChangesAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
        await _userState.SaveChangesAsync(turnContext, false, cancellationToken).ConfigureAwait(false);
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

        var caller = _callers.Resolve(activity);
        await _references.RememberAsync(caller, activity.GetConversationReference(), cancellationToken).ConfigureAwait(false);
        await _router.RouteMessageAsync(turnContext, caller, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = (Activity)turnContext.Activity;
        var caller = _callers.Resolve(activity);
        if (activity.From is not null)
        {
            await _references.RememberAsync(caller, activity.GetConversationReference(), cancellationToken).ConfigureAwait(false);
        }

        // Welcome once when the bot is installed or a personal chat starts; not for every new member of a team.
        if (membersAdded.Any(m => m.Id == activity.Recipient?.Id) || !IsSharedConversation(activity))
        {
            await _router.WelcomeAsync(turnContext, caller, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    protected override async Task OnInstallationUpdateAddAsync(ITurnContext<IInstallationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = (Activity)turnContext.Activity;
        if (activity.From is not null)
        {
            await _references.RememberAsync(_callers.Resolve(activity), activity.GetConversationReference(), cancellationToken).ConfigureAwait(false);
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
