using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Framework.Cards;
using Cppcc.Dialogs.SmallTalk;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Root;

/// <summary>
/// Routes one message: global interruptions (cancel / menu / help) first, then card actions by name, then the active
/// dialog, then text commands, then small talk (greetings, thanks, "人工"), and everything else to the knowledge base.
/// </summary>
public sealed class ConversationRouter(DialogRunner runner, CommandTable commands, IEnumerable<ICardAction> actions,
    IQuestionHandler questions, SmallTalkReplies smallTalk, IEnumerable<ITurnNotice> notices, IEnumerable<IFileIntake> files,
    OfficeTime office, ILogger<ConversationRouter> logger)
{
    private readonly Dictionary<string, ICardAction> _actions = actions.ToDictionary(a => a.Name, StringComparer.Ordinal);
    private readonly IReadOnlyList<ITurnNotice> _notices = notices.ToList();
    private readonly IReadOnlyList<IFileIntake> _files = files.ToList();

    /// <summary>Handles a message from <paramref name="caller"/> whose text is already free of @mentions.</summary>
    public async Task RouteMessageAsync(ITurnContext turn, Caller caller, CancellationToken cancellationToken)
    {
        foreach (var notice in _notices)
        {
            if (notice.Notice(turn, caller) is { } line)
            {
                await turn.SendActivityAsync(line, cancellationToken: cancellationToken);
            }
        }

        var dc = await runner.CreateContextAsync(turn, cancellationToken);
        var context = new RouteContext(dc, caller);
        var card = InputText.CardValue(turn);
        var text = turn.Activity.Text?.Trim() ?? "";
        if (card?[CardSubmit.ActionField] is JValue { Type: JTokenType.String } menu && (string)menu! == MenuCommand.ActionName)
        {
            // A menu button runs its command as if it had been typed.
            text = CardSubmit.Read<MenuCommand>(card, office).Command ?? "";
            card = null;
        }

        if (card is null && await TryInterruptAsync(context, InputText.Normalize(text), cancellationToken))
        {
            return;
        }

        if (card?[CardSubmit.ActionField] is JValue { Type: JTokenType.String } actionName && _actions.TryGetValue((string)actionName!, out var action))
        {
            await RunAsync(context, action.Name, action.MinimumRole, ct => action.ExecuteAsync(context, card, ct), cancellationToken);
            return;
        }

        // A photo or document sent in the chat (with or without words) is a file to keep, not a question.
        if (card is null && _files.FirstOrDefault(f => f.Accepts(turn.Activity)) is { } intake)
        {
            await intake.ReceiveAsync(context, cancellationToken);
            return;
        }

        if (dc.ActiveInstance is not null)
        {
            await dc.ContinueDialogAsync(cancellationToken);
            if (dc.StackWasReset)
            {
                await turn.SendActivityAsync(RootTexts.StackReset.For(turn), cancellationToken: cancellationToken);
            }

            return;
        }

        if (card is not null)
        {
            await turn.SendActivityAsync(RootTexts.UnknownAction.For(turn), cancellationToken: cancellationToken);
            return;
        }

        // A question that merely starts with a command word above the caller's role ("改期怎么办", no space) is a
        // question; the command's own form ("改期 HD-2026-0001") is refused as usual.
        if (commands.Match(text) is { } match && (context.Caller.Has(match.Command.MinimumRole) || !match.RunOn))
        {
            if (match.Command.PersonalOnly && !ConversationScope.IsPersonal(turn.Activity.Conversation))
            {
                await turn.SendActivityAsync(RootTexts.PersonalOnly.Format(turn, match.Command.Words[0]), cancellationToken: cancellationToken);
                return;
            }

            await RunAsync(context, match.Command.Words[0], match.Command.MinimumRole, ct => match.Command.ExecuteAsync(context, match.Arguments, ct), cancellationToken);
            return;
        }

        if (text.Length == 0)
        {
            // An empty message, or only an image or file: say what the bot can read instead of staying silent.
            await turn.SendActivityAsync(RootTexts.EmptyMessage.For(turn), cancellationToken: cancellationToken);
            return;
        }

        if (await smallTalk.TryReplyAsync(context, text, commands.Commands, cancellationToken))
        {
            return;
        }

        await questions.AnswerAsync(context, text, cancellationToken);
    }

    /// <summary>Sends the welcome card (conversation started, bot installed).</summary>
    public Task WelcomeAsync(ITurnContext turn, Caller caller, CancellationToken cancellationToken)
        => turn.SendActivityAsync(MenuCard.Build(turn, commands.Commands, caller.Role, welcome: true), cancellationToken);

    private async Task<bool> TryInterruptAsync(RouteContext context, string normalized, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var dc = context.Dialogs;
        var inDialog = dc.ActiveInstance is not null;
        if (RootTexts.CancelWords.Contains(normalized))
        {
            var reply = inDialog ? RootTexts.Cancelled : RootTexts.NothingToCancel;
            dc.CancelAllDialogs();
            await turn.SendActivityAsync(reply.For(turn), cancellationToken: cancellationToken);
            return true;
        }

        if (RootTexts.HelpWords.Contains(normalized) && inDialog)
        {
            await turn.SendActivityAsync(RootTexts.DialogHelp.For(turn), cancellationToken: cancellationToken);
            await dc.RepromptAsync(cancellationToken);
            return true;
        }

        if (RootTexts.HelpWords.Contains(normalized))
        {
            await turn.SendActivityAsync(HelpCard.Build(turn, context.Caller.Role), cancellationToken);
            return true;
        }

        if (RootTexts.MenuWords.Contains(normalized))
        {
            if (inDialog)
            {
                dc.CancelAllDialogs();
                await turn.SendActivityAsync(RootTexts.LeftForMenu.For(turn), cancellationToken: cancellationToken);
            }

            await turn.SendActivityAsync(MenuCard.Build(turn, commands.Commands, context.Caller.Role, welcome: false), cancellationToken);
            return true;
        }

        return false;
    }

    private async Task RunAsync(RouteContext context, string name, Role minimumRole, Func<CancellationToken, Task> run, CancellationToken cancellationToken)
    {
        if (!context.Caller.Has(minimumRole))
        {
            logger.LogWarning("Refused {Route} to a caller with role {Role} in conversation {ConversationId}",
                name, context.Caller.Role, context.Turn.Activity.Conversation?.Id);
            await context.Turn.SendActivityAsync(RootTexts.NotAllowed.For(context.Turn), cancellationToken: cancellationToken);
            return;
        }

        await run(cancellationToken);
    }
}
