using Cppcc.Dialogs.Exports;
using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Cppcc.Dialogs.Broadcasts;

/// <summary><c>通知结果 TZ-2026-0001</c> / <c>broadcast report …</c>: counts and a staff-only download link to the per-recipient CSV.</summary>
public sealed class BroadcastReportCommand(IBroadcasts broadcasts, IDownloadLinks links, PrivateDownload privateDownload, OfficeTime office) : ITextCommand
{
    /// <inheritdoc />
    public IReadOnlyList<string> Words { get; } = ["通知结果", "broadcast report"];

    /// <inheritdoc />
    public bool TakesArguments => true;

    /// <inheritdoc />
    public Role MinimumRole => Role.Staff;

    /// <inheritdoc />
    public MenuItem? Menu => null;

    /// <inheritdoc />
    public async Task ExecuteAsync(RouteContext context, string arguments, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var id = arguments.Trim().ToUpperInvariant();
        if (id.Length == 0)
        {
            await turn.SendActivityAsync(BroadcastTexts.ReportUsage.For(turn), cancellationToken: cancellationToken);
            return;
        }

        if (broadcasts.Report(id) is not { } report)
        {
            await turn.SendActivityAsync(BroadcastTexts.NoSuchBroadcast.Format(turn, id), cancellationToken: cancellationToken);
            return;
        }

        var reply = MessageFactory.Text(BroadcastTexts.ReportSummary.Format(turn, report.Id, report.Sent, report.Failed, report.Pending));
        reply.Attachments = new List<Attachment> { DownloadCard.Create(turn, links.Create(context.Caller, ExportKinds.BroadcastResults, report.Id), office) };
        await privateDownload.SendAsync(context, reply, cancellationToken);
    }
}
