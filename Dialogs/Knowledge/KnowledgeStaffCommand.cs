using System.Globalization;
using System.Text;
using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Cppcc.Dialogs.Knowledge;

/// <summary>
/// <c>知识库 …</c> / <c>kb …</c> (staff): unanswered questions, feedback counts, add / edit / retire an entry, export,
/// reload. One command with sub-commands, so the main menu stays short.
/// </summary>
public sealed class KnowledgeStaffCommand(IKnowledgeCuration curation, IKnowledgeInbox inbox) : ITextCommand
{
    /// <inheritdoc />
    public bool PersonalOnly => true;

    /// <summary>Most passed-on questions shown as answer cards under <c>知识库 未解答</c>.</summary>
    public const int OpenTicketCards = 10;

    /// <inheritdoc />
    public IReadOnlyList<string> Words { get; } = ["知识库", "kb"];

    /// <inheritdoc />
    public bool TakesArguments => true;

    /// <inheritdoc />
    public Role MinimumRole => Role.Staff;

    /// <inheritdoc />
    public MenuItem? Menu { get; } = new(new Localized("知识库维护", "Knowledge base"), 80);

    /// <inheritdoc />
    public async Task ExecuteAsync(RouteContext context, string arguments, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var parts = arguments.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var verb = parts.Length > 0 ? InputText.Normalize(parts[0]) : "";
        var rest = parts.Length > 1 ? parts[1] : "";
        var reply = verb switch
        {
            "未解答" or "unanswered" => await UnansweredAsync(turn, cancellationToken),
            "反馈" or "feedback" => await FeedbackAsync(turn, cancellationToken),
            "新增" or "add" => KnowledgeStaffCards.Editor(turn, new KnowledgeDraft { Questions = rest, Audience = "public" }),
            "修改" or "edit" => await EditAsync(turn, rest, cancellationToken),
            "下架" or "retire" => await RetireAsync(context, rest, cancellationToken),
            "导出" or "export" => await ExportAsync(turn, cancellationToken),
            "重新加载" or "reload" => await ReloadAsync(turn, cancellationToken),
            _ => MessageFactory.Text(KnowledgeStaffTexts.Help.For(turn)),
        };
        await turn.SendActivityAsync(reply, cancellationToken);
    }

    private async Task<IMessageActivity> UnansweredAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var questions = await curation.UnansweredAsync(20, cancellationToken);
        var open = await inbox.OpenTicketsAsync(OpenTicketCards, cancellationToken);
        if (questions.Count == 0 && open.Count == 0)
        {
            return MessageFactory.Text(KnowledgeStaffTexts.NoUnanswered.For(turn));
        }

        var text = new StringBuilder(KnowledgeStaffTexts.UnansweredTitle.For(turn)).Append("\n\n");
        for (var i = 0; i < questions.Count; i++)
        {
            var q = questions[i];
            var mark = q.HandedOff ? KnowledgeStaffTexts.HandedOffMark.For(turn) : "";
            text.Append(CultureInfo.InvariantCulture, $"{KnowledgeStaffTexts.UnansweredLine.Format(turn, i + 1, PlainText.Markdown(q.Question), q.Count, mark)}\n");
        }

        var reply = MessageFactory.Text(text.ToString());
        if (open.Count > 0)
        {
            // The same answer card a reachable staff member gets at hand-off time, so items marked 已转交 can be
            // answered from here even when nobody was online to receive them.
            reply.Text += "\n\n" + KnowledgeStaffTexts.OpenTicketsTitle.For(turn);
            reply.AttachmentLayout = AttachmentLayoutTypes.List;
            reply.Attachments = open
                .Select(t => KnowledgeStaffCards.Ticket(turn.Activity.Locale, t.TicketId, t.Question, t.AskerName, t.AskerRole).Attachments[0])
                .ToList();
        }

        return reply;
    }

    private async Task<IMessageActivity> FeedbackAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var counts = await curation.FeedbackAsync(cancellationToken);
        if (counts.Count == 0)
        {
            return MessageFactory.Text(KnowledgeStaffTexts.NoFeedback.For(turn));
        }

        var lines = counts.Select(c => KnowledgeStaffTexts.FeedbackLine.Format(turn, c.EntryId, c.Helpful, c.NotHelpful));
        return MessageFactory.Text(KnowledgeStaffTexts.FeedbackTitle.For(turn) + "\n\n" + string.Join("\n", lines));
    }

    private async Task<IMessageActivity> EditAsync(ITurnContext turn, string id, CancellationToken cancellationToken)
    {
        var draft = id.Length == 0 ? null : await curation.DraftAsync(id.Trim(), cancellationToken);
        return draft is null
            ? MessageFactory.Text(KnowledgeStaffTexts.UnknownEntry.Format(turn, id))
            : KnowledgeStaffCards.Editor(turn, draft);
    }

    private async Task<IMessageActivity> RetireAsync(RouteContext context, string id, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var done = id.Length > 0 && await curation.RetireAsync(id.Trim(), context.Caller, cancellationToken);
        return MessageFactory.Text((done ? KnowledgeStaffTexts.Retired : KnowledgeStaffTexts.UnknownEntry).Format(turn, id));
    }

    private async Task<IMessageActivity> ExportAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var export = await curation.ExportAsync(cancellationToken);
        return MessageFactory.Text(KnowledgeStaffTexts.Exported.Format(turn, export.Entries, export.Path));
    }

    private async Task<IMessageActivity> ReloadAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        var reload = await curation.ReloadAsync(cancellationToken);
        var text = KnowledgeStaffTexts.Reloaded.Format(turn, reload.Entries);
        if (reload.Problems.Count > 0)
        {
            text += "\n\n" + KnowledgeStaffTexts.ReloadProblems.For(turn) + "\n\n" + string.Join("\n", reload.Problems.Select(p => "- " + p));
        }

        return MessageFactory.Text(text);
    }
}
