using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;

namespace Cppcc.Dialogs.Reports;

/// <summary>What the dialogs and the <c>report.submit</c> action share: the summary before filing, and filing with its reply.</summary>
public sealed class ReportFiling(IReportService reports)
{
    /// <summary>
    /// Shows similar earlier reports <paramref name="viewer"/> may see (if any; a revised report is never similar to
    /// itself) and the summary card.
    /// </summary>
    public async Task ShowSummaryAsync(ITurnContext turn, ReportDraft draft, Role viewer, string? reviseReference, CancellationToken cancellationToken)
    {
        var similar = reports.FindSimilar(draft, reviseReference, viewer);
        if (similar.Count > 0)
        {
            await turn.SendActivityAsync(SimilarText(ReportTexts.SimilarHeader, turn.Activity.Locale, similar), cancellationToken: cancellationToken);
        }

        await turn.SendActivityAsync(MessageFactory.Attachment(ReportCards.Summary(turn, draft)), cancellationToken);
    }

    /// <summary>Files the draft and tells the author the outcome (reference, access code, or what to fix).</summary>
    public async Task<FilingResult> FileAsync(ITurnContext turn, Caller caller, ReportDraft draft, string? reviseReference, CancellationToken cancellationToken,
        string? accessCode = null)
    {
        var request = new FilingRequest(caller, turn.Activity.Conversation?.Id ?? "", turn.Activity.Locale, draft, reviseReference, accessCode);
        var result = await reports.FileAsync(request, cancellationToken);
        await turn.SendActivityAsync(Describe(turn, result), cancellationToken: cancellationToken);
        return result;
    }

    /// <summary>The reply for a filing outcome.</summary>
    public static string Describe(ITurnContext turn, FilingResult result)
    {
        var locale = turn.Activity.Locale;
        var text = result.Status switch
        {
            FilingStatus.Filed when result.AccessCode is not null => ReportTexts.FiledWithCode.Format(turn, result.Reference, result.AccessCode),
            FilingStatus.Filed => ReportTexts.FiledReport.Format(turn, result.Reference),
            FilingStatus.Resubmitted => ReportTexts.Resubmitted.Format(turn, result.Reference),
            FilingStatus.Invalid => ReportValidator.Describe(result.Errors, locale),
            FilingStatus.RateLimited => ReportTexts.RateLimited.For(locale),
            FilingStatus.Duplicate when result.Reference is null => ReportTexts.DuplicateOfOthers.For(locale),
            FilingStatus.Duplicate => ReportTexts.Duplicate.Format(turn, result.Reference),
            _ => ReportTexts.CannotRevise.For(locale),
        };
        if (result.Status is FilingStatus.Filed or FilingStatus.Resubmitted && result.Similar.Count > 0)
        {
            text += "\n\n" + SimilarText(ReportTexts.FiledSimilarHeader, locale, result.Similar);
        }

        return text;
    }

    private static string SimilarText(Framework.Localized header, string? locale, IReadOnlyList<ReportSummary> similar)
        => header.For(locale) + "\n\n" + string.Join("\n", similar.Select(s =>
            $"- {s.Reference}（{s.State.Label().For(locale)}）{ReportFormat.Markdown(s.Title)}"));
}
