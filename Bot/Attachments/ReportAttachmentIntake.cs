using Cppcc.Bot.Reports;
using Cppcc.Dialogs.Attachments;
using Cppcc.Dialogs.Reports;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;

namespace Cppcc.Bot.Attachments;

/// <summary>
/// A member sends photos or documents in the chat right after filing (as Teams users do: attach and send), a web chat
/// visitor through the page's upload button: each file is fetched, its real type read from its bytes, and kept with
/// the sender's report (members) or suggestion (public) filed in the last 24 hours, up to five of 10 MB each. Every
/// file gets its own line: attached, or why not.
/// </summary>
public sealed class ReportAttachmentIntake(ActivityFiles files, IReportAttachmentStore attachments, IReportStore reports, TimeProvider time,
    ILogger<ReportAttachmentIntake> logger) : IFileIntake
{
    /// <summary>Files per report.</summary>
    public const int MaxPerReport = 5;

    private static readonly TimeSpan AttachWindow = TimeSpan.FromDays(1);

    /// <inheritdoc />
    public bool Accepts(IActivity activity) => ActivityFiles.HasFiles(activity);

    /// <inheritdoc />
    public async Task ReceiveAsync(Cppcc.Dialogs.Root.RouteContext context, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        // Members attach to their report (社情民意), the public to their suggestion (建议): their own, filed in the last day.
        var kind = context.Caller.Role == Role.Public ? ReportKind.Suggestion : ReportKind.Report;
        var now = time.GetUtcNow();
        var report = reports.ByAuthor(context.Caller.UserKey, 1)
            .FirstOrDefault(r => r.Kind == kind && StoredReport.Utc(r.SubmittedAt) >= now - AttachWindow);
        var (offered, refused) = files.Offered(turn.Activity);
        if (report is null)
        {
            await turn.SendActivityAsync(AttachmentMessages.NoRecentFiling(kind), cancellationToken: cancellationToken);
            return;
        }

        var lines = refused.Select(AttachmentMessages.NotDownloaded).ToList();
        var connector = turn.TurnState.Get<IConnectorClient>();
        foreach (var file in offered)
        {
            lines.Add(await KeepAsync(report.Reference, context.Caller, file, connector, now, cancellationToken));
        }

        await turn.SendActivityAsync(string.Join("\n\n", lines), cancellationToken: cancellationToken);
    }

    private async Task<string> KeepAsync(string reference, Caller caller, OfferedFile file, IConnectorClient? connector, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        var bytes = await files.DownloadAsync(file, connector, cancellationToken);
        if (bytes is null)
        {
            logger.LogWarning("An attachment for {Reference} could not be downloaded", reference);
            return AttachmentMessages.NotDownloaded(file.Name);
        }

        if (bytes.Length > ActivityFiles.MaxBytes)
        {
            return AttachmentMessages.TooLarge(file.Name);
        }

        if (FileTypes.Sniff(bytes) is not { } type)
        {
            return AttachmentMessages.WrongType(file.Name);
        }

        var attachment = new StoredAttachment
        {
            Id = "report/" + Guid.NewGuid().ToString("N"),
            Reference = reference,
            OwnerKey = caller.UserKey,
            FileName = FileTypes.SafeName(file.Name, type),
            ContentType = type.ContentType,
            Length = bytes.Length,
            ReceivedAt = now.UtcDateTime,
        };
        if (!attachments.TryAdd(attachment, bytes, MaxPerReport))
        {
            return AttachmentMessages.TooMany(reference, file.Name);
        }

        logger.LogInformation("Attachment of {Length} bytes kept with {Reference}", bytes.Length, reference);
        return AttachmentMessages.Attached(attachment.FileName, reference, attachment.Number);
    }
}
