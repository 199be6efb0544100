using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;

namespace Cppcc.Dialogs.Reports;

/// <summary>
/// Staff: <c>社情民意列表 [state] [category] [page]</c> (also <c>待办</c>, <c>triage</c>): reports by state and category,
/// newest first, with open and paging buttons. <c>待办</c> alone lists what waits for review.
/// </summary>
public sealed class TriageCommand(IReportReview review, ReportRules rules, OfficeTime office) : ITextCommand
{
    /// <inheritdoc />
    public bool PersonalOnly => true;

    /// <inheritdoc />
    public IReadOnlyList<string> Words { get; } = new[] { "社情民意列表", "待办", "triage" };

    /// <inheritdoc />
    public bool TakesArguments => true;

    /// <inheritdoc />
    public Role MinimumRole => Role.Staff;

    /// <inheritdoc />
    public MenuItem? Menu { get; } = new(ReportTexts.MenuTriage, 30);

    /// <inheritdoc />
    public async Task ExecuteAsync(RouteContext context, string arguments, CancellationToken cancellationToken)
    {
        var query = Parse(arguments, InputIsBareTodo(context.Turn));
        var page = review.List(query, rules.PageSize);
        var card = ReportCards.List(context.Turn, page, query with { Page = page.Page }, Words[0], office);
        await context.Turn.SendActivityAsync(MessageFactory.Attachment(card), cancellationToken);
    }

    private ReportQuery Parse(string arguments, bool todo)
    {
        ReportState? state = todo ? ReportState.Submitted : null;
        string? category = null;
        var page = 1;
        foreach (var part in arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
            {
                page = Math.Max(1, number);
            }
            else if (ReportNames.TryParseState(part, out var s))
            {
                state = s;
            }
            else if (rules.FindCategory(part) is { } c)
            {
                category = c;
            }
        }

        return new ReportQuery(state, category, page);
    }

    private static bool InputIsBareTodo(ITurnContext turn)
        => Framework.InputText.Normalize(turn.Activity.Text) is "待办" or "triage";
}
