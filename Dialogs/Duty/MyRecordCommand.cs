using Cppcc.Dialogs.Reports;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Duty;

/// <summary><c>我的履职 [year]</c> / <c>my record [year]</c>: the caller's own duty record with points, each line explained.</summary>
public sealed class MyRecordCommand : ITextCommand
{
    /// <inheritdoc />
    public bool PersonalOnly => true;

    private readonly IDutyRecords _records;
    private readonly DutyPointsRules _rules;
    private readonly TimeProvider _time;

    /// <summary>Creates the command.</summary>
    public MyRecordCommand(IDutyRecords records, DutyPointsRules rules, TimeProvider time)
    {
        _records = records;
        _rules = rules;
        _time = time;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Words { get; } = new[] { "我的履职", "my record" };

    /// <inheritdoc />
    public bool TakesArguments => true;

    /// <inheritdoc />
    public Role MinimumRole => Role.Member;

    /// <inheritdoc />
    public MenuItem? Menu { get; } = new(DutyTexts.MenuRecord, 15, ShownFrom: Role.Member);

    /// <inheritdoc />
    public async Task ExecuteAsync(RouteContext context, string arguments, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        if (!DutyYear.TryParse(arguments, _time, out var year))
        {
            await turn.SendActivityAsync(DutyTexts.BadYear.For(turn), cancellationToken: cancellationToken);
            return;
        }

        var counts = await _records.ForMemberAsync(context.Caller, year, cancellationToken);
        await turn.SendActivityAsync(MessageFactory.Attachment(Card(turn, counts)), cancellationToken);
    }

    private Microsoft.Bot.Schema.Attachment Card(ITurnContext turn, DutyCounts c)
    {
        int Level(AdoptionLevel level) => c.Adopted.GetValueOrDefault(level);
        var lines = DutyScoring.Lines(c, _rules);
        var body = new JArray
        {
            // Names come from Teams profiles: a TextRun shows them as typed, never as Markdown.
            Run(DutyTexts.RecordTitle.Format(turn, c.Year, c.Name), large: true),
            MenuCard.TextBlock(DutyTexts.ReportsLine.Format(turn, c.Filed, c.Accepted, c.Forwarded, c.Replied, c.AdoptedTotal)),
            MenuCard.TextBlock(DutyTexts.AdoptedLine.Format(turn, Level(AdoptionLevel.District), Level(AdoptionLevel.City),
                Level(AdoptionLevel.Province), Level(AdoptionLevel.National), Level(AdoptionLevel.Instruction))),
            MenuCard.TextBlock(DutyTexts.SessionsLine.Format(turn, c.Attended, c.AbsentWithLeave, c.NotAnswered)),
            MenuCard.TextBlock(DutyTexts.PointsTitle.Format(turn, lines.Sum(l => l.Points)), large: true),
        };
        foreach (var line in lines)
        {
            body.Add(MenuCard.TextBlock(DutyTexts.PointsLine.Format(turn, line.Item.Label().For(turn), line.Count, line.Each, line.Points)));
        }

        if (lines.Count == 0)
        {
            body.Add(MenuCard.TextBlock(DutyTexts.NoPoints.For(turn), subtle: true));
        }

        return MenuCard.AdaptiveCard(body);
    }

    private static JObject Run(string text, bool large) => new()
    {
        ["type"] = "RichTextBlock",
        ["inlines"] = new JArray { new JObject { ["type"] = "TextRun", ["text"] = text, ["size"] = large ? "Large" : "Default", ["weight"] = large ? "Bolder" : "Default" } },
    };
}
