using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.SmallTalk;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Root;

/// <summary>
/// Routes one message: global interruptions (cancel / menu / help) first, then card actions by name, then the active
/// dialog, then text commands, then small talk (greetings, thanks, "人工"), and everything else to the knowledge base.
/// </summary>
public sealed class ConversationRouter
{
    private readonly DialogRunner _runner;
    private readonly CommandTable _commands;
    private readonly Dictionary<string, ICardAction> _actions;
    private readonly IQuestionHandler _questions;
    private readonly SmallTalkReplies _smallTalk;
    private readonly IReadOnlyList<ITurnNotice> _notices;
    private readonly IReadOnlyList<IFileIntake> _files;
    private readonly ILogger<ConversationRouter> _logger;

    /// <summary>Creates the router over the features' commands and card actions.</summary>
    public ConversationRouter(DialogRunner runner, CommandTable commands, IEnumerable<ICardAction> actions, IQuestionHandler questions,
        SmallTalkReplies smallTalk, IEnumerable<ITurnNotice> notices, IEnumerable<IFileIntake> files, ILogger<ConversationRouter> logger)
    {
        _files = files.ToList();
        _notices = notices.ToList();
        _smallTalk = smallTalk;
        _logger = logger;
        _runner = runner;
        _commands = commands;
        _actions = actions.ToDictionary(a => a.Name, StringComparer.Ordinal);
        _questions = questions;
    }

    /// <summary>Handles a message from <paramref name="caller"/> whose text is already free of @mentions.</summary>
    public async Task RouteMessageAsync(ITurnContext turn, Caller caller, CancellationToken cancellationToken)
    {
        foreach (var notice in _notices)
        {
            if (await notice.NoticeAsync(turn, caller, cancellationToken).ConfigureAwait(false) is { } line)
            {
                await turn.SendActivityAsync(line, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
        }

        var dc = await _runner.CreateContextAsync(turn, cancellationToken).ConfigureAwait(false);
        var context = new RouteContext(dc, caller);
        var card = InputText.CardValue(turn);
        var text = turn.Activity.Text?.Trim() ?? "";
        if (card?["action"]?.Type == JTokenType.String && (string)card["action"]! == MenuCard.MenuAction)
        {
            text = (string?)card["command"] ?? "";
            card = null;
        }

        if (card is null && await TryInterruptAsync(context, InputText.Normalize(text), cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        if (card?["action"] is JValue { Type: JTokenType.String } actionName && _actions.TryGetValue((string)actionName!, out var action))
        {
            await RunAsync(context, action.Name, action.MinimumRole, ct => action.ExecuteAsync(context, card, ct), cancellationToken).ConfigureAwait(false);
            return;
        }

        // A photo or document sent in the chat (with or without words) is a file to keep, not a question.
        if (card is null && _files.FirstOrDefault(f => f.Accepts(turn.Activity)) is { } intake)
        {
            await intake.ReceiveAsync(context, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (dc.ActiveInstance is not null)
        {
            await dc.ContinueDialogAsync(cancellationToken).ConfigureAwait(false);
            if (dc.StackWasReset)
            {
                await turn.SendActivityAsync(RootTexts.StackReset.For(turn), cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            return;
        }

        if (card is not null)
        {
            await turn.SendActivityAsync(RootTexts.UnknownAction.For(turn), cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        // A question that merely starts with a command word above the caller's role ("改期怎么办", no space) is a
        // question; the command's own form ("改期 HD-2026-0001") is refused as usual.
        if (_commands.Match(text) is { } match && (context.Caller.Has(match.Command.MinimumRole) || !match.RunOn))
        {
            if (match.Command.PersonalOnly && !ConversationScope.IsPersonal(turn.Activity.Conversation))
            {
                await turn.SendActivityAsync(RootTexts.PersonalOnly.Format(turn, match.Command.Words[0]), cancellationToken: cancellationToken).ConfigureAwait(false);
                return;
            }

            await RunAsync(context, match.Command.Words[0], match.Command.MinimumRole, ct => match.Command.ExecuteAsync(context, match.Arguments, ct), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (text.Length == 0)
        {
            // An empty message, or only an image or file: say what the bot can read instead of staying silent.
            await turn.SendActivityAsync(RootTexts.EmptyMessage.For(turn), cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        if (await _smallTalk.TryReplyAsync(context, text, _commands.Commands, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        await _questions.AnswerAsync(context, text, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends the welcome card (conversation started, bot installed).</summary>
    public Task WelcomeAsync(ITurnContext turn, Caller caller, CancellationToken cancellationToken)
        => turn.SendActivityAsync(MenuCard.Build(turn, _commands.Commands, caller.Role, welcome: true), cancellationToken);

    private async Task<bool> TryInterruptAsync(RouteContext context, string normalized, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var dc = context.Dialogs;
        var inDialog = dc.ActiveInstance is not null;
        if (RootTexts.CancelWords.Contains(normalized))
        {
            var reply = inDialog ? RootTexts.Cancelled : RootTexts.NothingToCancel;
            dc.CancelAllDialogs();
            await turn.SendActivityAsync(reply.For(turn), cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (RootTexts.HelpWords.Contains(normalized) && inDialog)
        {
            await turn.SendActivityAsync(RootTexts.DialogHelp.For(turn), cancellationToken: cancellationToken).ConfigureAwait(false);
            await dc.RepromptAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (RootTexts.HelpWords.Contains(normalized))
        {
            await turn.SendActivityAsync(HelpCard.Build(turn, context.Caller.Role), cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (RootTexts.MenuWords.Contains(normalized))
        {
            if (inDialog)
            {
                dc.CancelAllDialogs();
                await turn.SendActivityAsync(RootTexts.LeftForMenu.For(turn), cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            await turn.SendActivityAsync(MenuCard.Build(turn, _commands.Commands, context.Caller.Role, welcome: false), cancellationToken).ConfigureAwait(false);
            return true;
        }

        return false;
    }

    private async Task RunAsync(RouteContext context, string name, Role minimumRole, Func<CancellationToken, Task> run, CancellationToken cancellationToken)
    {
        if (!context.Caller.Has(minimumRole))
        {
            _logger.LogWarning("Refused {Route} to a caller with role {Role} in conversation {ConversationId}",
                name, context.Caller.Role, context.Turn.Activity.Conversation?.Id);
            await context.Turn.SendActivityAsync(RootTexts.NotAllowed.For(context.Turn), cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        await run(cancellationToken).ConfigureAwait(false);
    }
}
