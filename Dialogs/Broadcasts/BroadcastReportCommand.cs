using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace Cppcc.Dialogs.Broadcasts;

/// <summary><c>通知结果 TZ-2026-0001</c> / <c>broadcast report …</c>: counts and the per-recipient CSV (staff).</summary>
public sealed class BroadcastReportCommand : ITextCommand
{
    private readonly IBroadcasts _broadcasts;

    /// <summary>Creates the command.</summary>
    public BroadcastReportCommand(IBroadcasts broadcasts) => _broadcasts = broadcasts;

    /// <inheritdoc />
    public IReadOnlyList<string> Words { get; } = new[] { "通知结果", "broadcast report" };

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
            await turn.SendActivityAsync(BroadcastTexts.ReportUsage.For(turn), cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        if (_broadcasts.Report(id) is not { } report)
        {
            await turn.SendActivityAsync(BroadcastTexts.NoSuchBroadcast.Format(turn, id), cancellationToken: cancellationToken).ConfigureAwait(false);
            return;
        }

        var reply = MessageFactory.Text(BroadcastTexts.ReportSummary.Format(turn, report.Id, report.Sent, report.Failed, report.Pending));
        reply.Attachments = new List<Attachment> { CsvAttachment.Create(report.Id + ".csv", report.Csv) };
        await turn.SendActivityAsync(reply, cancellationToken).ConfigureAwait(false);
    }
}

/// <summary>A CSV file attached inline.</summary>
public static class CsvAttachment
{
    /// <summary>
    /// A <c>text/csv</c> attachment carried as a data URL. REVIEW: Web Chat and the Emulator offer it for download;
    /// Teams personal chats want files sent through the file-consent flow, which is not built yet.
    /// </summary>
    public static Attachment Create(string name, byte[] csv)
        => new() { ContentType = "text/csv", Name = name, ContentUrl = "data:text/csv;base64," + Convert.ToBase64String(csv) };
}
