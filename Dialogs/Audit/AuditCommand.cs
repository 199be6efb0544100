using System.Globalization;
using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Framework.Prompts;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Audit;

/// <summary>Staff: <c>操作记录 [n]</c> / <c>audit [n]</c>: the latest records and whether the hash chain still verifies.</summary>
public sealed class AuditCommand : ITextCommand
{
    /// <inheritdoc />
    public bool PersonalOnly => true;

    private const int DefaultCount = 20, MaxCount = 100;

    private readonly IAuditTrail _trail;

    /// <summary>Creates the command.</summary>
    public AuditCommand(IAuditTrail trail) => _trail = trail;

    /// <inheritdoc />
    public IReadOnlyList<string> Words { get; } = new[] { "操作记录", "audit" };

    /// <inheritdoc />
    public bool TakesArguments => true;

    /// <inheritdoc />
    public Role MinimumRole => Role.Staff;

    /// <inheritdoc />
    public MenuItem? Menu { get; } = new(AuditTexts.Menu, 60, ShownFrom: Role.Staff);

    /// <inheritdoc />
    public async Task ExecuteAsync(RouteContext context, string arguments, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var count = DefaultCount;
        var text = InputText.Normalize(arguments);
        if (text.Length > 0 && (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxCount))
        {
            await turn.SendActivityAsync(AuditTexts.BadCount.For(turn), cancellationToken: cancellationToken);
            return;
        }

        var check = _trail.Verify();
        var entries = _trail.Latest(count);
        var body = new JArray
        {
            MenuCard.TextBlock(AuditTexts.Title.Format(turn, entries.Count), large: true),
            MenuCard.TextBlock(check.Intact ? AuditTexts.Intact.Format(turn, check.Checked) : AuditTexts.Broken.Format(turn, check.BrokenAt)),
        };
        if (entries.Count == 0)
        {
            body.Add(MenuCard.TextBlock(AuditTexts.Empty.For(turn), subtle: true));
        }

        foreach (var e in entries)
        {
            var at = TimeZoneInfo.ConvertTime(e.At, DateTimeText.ChinaStandardTime).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
            var who = e.ActorName.Length > 0 ? e.ActorName : e.ActorKey;
            var line = AuditTexts.Line.Format(turn, e.Sequence, at, who, e.Action, e.Target, e.Before ?? "-", e.After ?? "-");
            // Names and notes are typed by people: a TextRun shows them as typed, never as Markdown.
            body.Add(new JObject { ["type"] = "RichTextBlock", ["inlines"] = new JArray { new JObject { ["type"] = "TextRun", ["text"] = line } } });
        }

        await turn.SendActivityAsync(MessageFactory.Attachment(MenuCard.AdaptiveCard(body)), cancellationToken);
    }
}
