using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Framework.Cards;
using Cppcc.Dialogs.Reports;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Cppcc.Dialogs.Duty;

/// <summary><c>我的履职 [year]</c> / <c>my record [year]</c>: the caller's own duty record with points, each line explained.</summary>
public sealed class MyRecordCommand(IDutyRecords records, DutyPointsRules rules, OfficeTime office) : ITextCommand
{
    /// <inheritdoc />
    public bool PersonalOnly => true;

    /// <inheritdoc />
    public IReadOnlyList<string> Words { get; } = ["我的履职", "my record"];

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
        if (!DutyYear.TryParse(arguments, office, out var year))
        {
            await turn.SendActivityAsync(DutyTexts.BadYear.For(turn), cancellationToken: cancellationToken);
            return;
        }

        var counts = records.ForMember(context.Caller, year);
        await turn.SendActivityAsync(MessageFactory.Attachment(Card(turn, counts)), cancellationToken);
    }

    private Attachment Card(ITurnContext turn, DutyCounts c)
    {
        int Level(AdoptionLevel level) => c.Adopted.GetValueOrDefault(level);
        var lines = DutyScoring.Lines(c, rules);
        var card = new AdaptiveCardBuilder()
            // Names come from Teams profiles: shown as typed, never as Markdown.
            .UserText(DutyTexts.RecordTitle.Format(turn, c.Year, c.Name), large: true)
            .Text(DutyTexts.ReportsLine.Format(turn, c.Filed, c.Accepted, c.Forwarded, c.Replied, c.AdoptedTotal))
            .Text(DutyTexts.AdoptedLine.Format(turn, Level(AdoptionLevel.District), Level(AdoptionLevel.City),
                Level(AdoptionLevel.Province), Level(AdoptionLevel.National), Level(AdoptionLevel.Instruction)))
            .Text(DutyTexts.SessionsLine.Format(turn, c.Attended, c.AbsentWithLeave, c.NotAnswered))
            .Title(DutyTexts.PointsTitle.Format(turn, lines.Sum(l => l.Points)));
        foreach (var line in lines)
        {
            card.Text(DutyTexts.PointsLine.Format(turn, line.Item.Label().For(turn), line.Count, line.Each, line.Points));
        }

        if (lines.Count == 0)
        {
            card.Text(DutyTexts.NoPoints.For(turn), subtle: true);
        }

        return card.Build();
    }
}
