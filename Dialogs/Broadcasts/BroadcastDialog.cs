using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Framework.Cards;
using Cppcc.Dialogs.Framework.Prompts;
using static Cppcc.Dialogs.DialogsServiceCollectionExtensions;

namespace Cppcc.Dialogs.Broadcasts;

/// <summary>Staff write a notice step by step: text, audience, optional link, confirm, send.</summary>
public sealed class BroadcastDialog : WaterfallDialog<BroadcastDialog.State>
{
    /// <summary>Dialog id.</summary>
    public const string DialogId = "broadcasts.send";

    private readonly BroadcastStarter _starter;

    /// <summary>Creates the dialog.</summary>
    public BroadcastDialog(BroadcastStarter starter)
        : base(DialogId)
    {
        _starter = starter;
        AddStep(AskTextStepAsync);
        AddStep(AskAudienceStepAsync);
        AddStep(AskLinkStepAsync);
        AddStep(ConfirmStepAsync);
        AddStep(SendStepAsync);
    }

    /// <summary>The notice being written.</summary>
    public sealed class State
    {
        /// <summary>Version of this DTO.</summary>
        public int Version { get; set; } = 1;

        /// <summary>The notice.</summary>
        public string Text { get; set; } = "";

        /// <summary>"all" or a group.</summary>
        public string Audience { get; set; } = BroadcastRequest.Everyone;

        /// <summary>Optional link.</summary>
        public string? Link { get; set; }
    }

    private Task<DialogTurnResult> AskTextStepAsync(WaterfallStepContext<State> step, CancellationToken ct)
        => step.PromptAsync(PromptIds.Text, new PromptOptions { Prompt = BroadcastTexts.AskText.For(step.Context), CardField = CardSubmit.Field<BroadcastSend>(s => s.Text) }, ct);

    private Task<DialogTurnResult> AskAudienceStepAsync(WaterfallStepContext<State> step, CancellationToken ct)
    {
        step.State.Text = ((string)step.Result!).Trim();
        var choices = _starter.Audiences().Select(a => BroadcastValidation.AudienceLabel(step.Context, a)).ToList();
        if (choices.Count == 1)
        {
            return step.NextAsync(choices[0], ct);
        }

        return step.PromptAsync(PromptIds.Choice, new PromptOptions { Prompt = BroadcastTexts.AskAudience.For(step.Context), Choices = choices, CardField = CardSubmit.Field<BroadcastSend>(s => s.Audience) }, ct);
    }

    private Task<DialogTurnResult> AskLinkStepAsync(WaterfallStepContext<State> step, CancellationToken ct)
    {
        var label = (string)step.Result!;
        step.State.Audience = label == BroadcastTexts.AllMembers.For(step.Context) ? BroadcastRequest.Everyone : label;
        return step.PromptAsync(BroadcastPrompts.Link, new PromptOptions { Prompt = BroadcastTexts.AskLink.For(step.Context), CardField = CardSubmit.Field<BroadcastSend>(s => s.Link) }, ct);
    }

    private Task<DialogTurnResult> ConfirmStepAsync(WaterfallStepContext<State> step, CancellationToken ct)
    {
        var link = (string)step.Result!;
        step.State.Link = BroadcastValidation.SaysNone(link) ? null : link.Trim();
        var preview = step.State.Text + (step.State.Link is null ? "" : "\n\n" + step.State.Link);
        var question = BroadcastTexts.Confirm.Format(step.Context, BroadcastValidation.AudienceLabel(step.Context, step.State.Audience), preview);
        // Buttons say what they do (发送 / 暂不发送); 是 / 否 typed by hand still count.
        var choices = new List<string> { BroadcastTexts.Send.For(step.Context), BroadcastTexts.NotNow.For(step.Context) };
        return step.PromptAsync(PromptIds.Confirm, new PromptOptions { Prompt = question, Choices = choices }, ct);
    }

    private async Task<DialogTurnResult> SendStepAsync(WaterfallStepContext<State> step, CancellationToken ct)
    {
        if (step.Result is not true)
        {
            await step.Context.SendActivityAsync(BroadcastTexts.NotSent.For(step.Context), cancellationToken: ct);
            return await step.EndAsync(null, ct);
        }

        var id = await _starter.StartAsync(step.Context, new BroadcastRequest(step.State.Text, step.State.Audience, step.State.Link), ct);
        return await step.EndAsync(id, ct);
    }
}

/// <summary>Prompts of the broadcast dialog.</summary>
public static class BroadcastPrompts
{
    /// <summary>An http(s) link or "none".</summary>
    public const string Link = "broadcasts.link";

    /// <summary>The link prompt.</summary>
    public static Dialog LinkPrompt() => new TextPrompt(Link, (answer, turn) =>
        BroadcastValidation.SaysNone(answer) || BroadcastValidation.IsWebLink(answer) ? null : BroadcastTexts.BadLink.For(turn));
}
