using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Knowledge;

/// <summary><c>kb.reply</c>: staff answer a handed-off question; the answer reaches the asker proactively.</summary>
public sealed class KnowledgeReplyAction : ICardAction
{
    private readonly IKnowledgeInbox _inbox;

    /// <summary>Creates the action.</summary>
    public KnowledgeReplyAction(IKnowledgeInbox inbox) => _inbox = inbox;

    /// <inheritdoc />
    public string Name => KnowledgeActionNames.Reply;

    /// <inheritdoc />
    public Role MinimumRole => Role.Staff;

    /// <inheritdoc />
    public async Task ExecuteAsync(RouteContext context, JObject value, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var ticket = ((string?)value["ticket"] ?? "").Trim();
        var answer = ((string?)value["answer"] ?? "").Trim();
        if (answer.Length == 0)
        {
            await turn.SendActivityAsync(KnowledgeStaffTexts.EmptyAnswer.For(turn), cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var outcome = await _inbox.ReplyAsync(ticket, answer, context.Caller, cancellationToken).ConfigureAwait(false);
        var text = outcome switch
        {
            HandOffReply.Delivered => KnowledgeStaffTexts.ReplyDelivered,
            HandOffReply.Undeliverable => KnowledgeStaffTexts.ReplyUndeliverable,
            _ => KnowledgeStaffTexts.UnknownTicket,
        };
        await turn.SendActivityAsync(text.Format(turn, ticket), cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}

/// <summary><c>kb.promote</c>: turn a handed-off question (and the answer typed on its card) into a new entry.</summary>
public sealed class KnowledgePromoteAction : ICardAction
{
    /// <inheritdoc />
    public string Name => KnowledgeActionNames.Promote;

    /// <inheritdoc />
    public Role MinimumRole => Role.Staff;

    /// <inheritdoc />
    public Task ExecuteAsync(RouteContext context, JObject value, CancellationToken cancellationToken)
    {
        var draft = new KnowledgeDraft
        {
            Questions = ((string?)value["question"] ?? "").Trim(),
            Answer = ((string?)value["answer"] ?? "").Trim(),
            Audience = "public",
        };
        return context.Turn.SendActivityAsync(KnowledgeStaffCards.Editor(context.Turn, draft), cancellationToken);
    }
}

/// <summary><c>kb.save</c>: the entry editor was submitted.</summary>
public sealed class KnowledgeSaveAction : ICardAction
{
    private readonly IKnowledgeCuration _curation;

    /// <summary>Creates the action.</summary>
    public KnowledgeSaveAction(IKnowledgeCuration curation) => _curation = curation;

    /// <inheritdoc />
    public string Name => KnowledgeActionNames.Save;

    /// <inheritdoc />
    public Role MinimumRole => Role.Staff;

    /// <inheritdoc />
    public async Task ExecuteAsync(RouteContext context, JObject value, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        string Field(string name) => ((string?)value[name] ?? "").Trim();
        var draft = new KnowledgeDraft
        {
            Id = Field("id"), Questions = Field("questions"), Answer = Field("answer"), Source = Field("source"), Url = Field("url"),
            Audience = Field("audience"), Tags = Field("tags"), Related = Field("related"),
        };
        var problems = await _curation.SaveAsync(draft, context.Caller, cancellationToken).ConfigureAwait(false);
        var reply = problems.Count == 0
            ? KnowledgeStaffTexts.Saved.Format(turn, draft.Id)
            : KnowledgeStaffTexts.NotSaved.Format(turn, string.Join("\n", problems.Select(p => "- " + p)));
        await turn.SendActivityAsync(reply, cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
