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

    /// <summary>
    /// Most file problems listed under <c>知识库 重新加载</c>: a folder copied twice or a bulk edit gone wrong gives
    /// thousands, and a message that long is refused by Teams, so staff would see no list at all.
    /// </summary>
    public const int ListedReloadProblems = 20;

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
            "未解答" or "unanswered" => Unanswered(turn),
            "反馈" or "feedback" => Feedback(turn),
            "新增" or "add" => KnowledgeStaffCards.Editor(turn, new KnowledgeDraft { Questions = rest, Audience = "public" }),
            "修改" or "edit" => Edit(turn, rest),
            "下架" or "retire" => Retire(context, rest),
            "导出" or "export" => Export(turn),
            "重新加载" or "reload" => Reload(turn),
            _ => MessageFactory.Text(KnowledgeStaffTexts.Help.For(turn)),
        };
        await turn.SendActivityAsync(reply, cancellationToken);
    }

    private IMessageActivity Unanswered(ITurnContext turn)
    {
        var questions = curation.Unanswered(20);
        var open = inbox.OpenTickets(OpenTicketCards);
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

    private IMessageActivity Feedback(ITurnContext turn)
    {
        var counts = curation.Feedback();
        if (counts.Count == 0)
        {
            return MessageFactory.Text(KnowledgeStaffTexts.NoFeedback.For(turn));
        }

        var lines = counts.Select(c => KnowledgeStaffTexts.FeedbackLine.Format(turn, c.EntryId, c.Helpful, c.NotHelpful));
        return MessageFactory.Text(KnowledgeStaffTexts.FeedbackTitle.For(turn) + "\n\n" + string.Join("\n", lines));
    }

    private IMessageActivity Edit(ITurnContext turn, string id)
    {
        var draft = id.Length == 0 ? null : curation.Draft(id.Trim());
        return draft is null
            ? MessageFactory.Text(KnowledgeStaffTexts.UnknownEntry.Format(turn, id))
            : KnowledgeStaffCards.Editor(turn, draft);
    }

    private IMessageActivity Retire(RouteContext context, string id)
    {
        var turn = context.Turn;
        var done = id.Length > 0 && curation.Retire(id.Trim(), context.Caller);
        return MessageFactory.Text((done ? KnowledgeStaffTexts.Retired : KnowledgeStaffTexts.UnknownEntry).Format(turn, id));
    }

    private IMessageActivity Export(ITurnContext turn)
    {
        var export = curation.Export();
        return MessageFactory.Text(KnowledgeStaffTexts.Exported.Format(turn, export.Entries, export.Path));
    }

    private IMessageActivity Reload(ITurnContext turn)
    {
        var reload = curation.Reload();
        var text = KnowledgeStaffTexts.Reloaded.Format(turn, reload.Entries);
        if (reload.Problems.Count > 0)
        {
            text += "\n\n" + KnowledgeStaffTexts.ReloadProblems.For(turn) + "\n\n"
                    + string.Join("\n", reload.Problems.Take(ListedReloadProblems).Select(p => "- " + p));
            if (reload.Problems.Count > ListedReloadProblems)
            {
                text += "\n\n" + KnowledgeStaffTexts.MoreReloadProblems.Format(turn, reload.Problems.Count - ListedReloadProblems);
            }
        }

        return MessageFactory.Text(text);
    }
}
