using System.Globalization;
using Cppcc.Bot.Exports;
using Cppcc.Bot.Reports;
using Cppcc.Dialogs.Exports;
using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Reports;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Attachments;

/// <summary>
/// <c>附件 &lt;编号&gt;</c> / <c>attachments &lt;ref&gt;</c>: staff get one signed, expiring link per file of any report;
/// a member sees the names of the files on their own reports (written or co-signed) and nothing of anyone else's.
/// </summary>
public sealed class AttachmentsCommand(IReportAttachmentStore attachments, IReportStore reports, IDownloadLinks links) : ITextCommand
{
    /// <inheritdoc />
    public bool PersonalOnly => true;

    /// <inheritdoc />
    public IReadOnlyList<string> Words { get; } = ["附件", "attachments"];

    /// <inheritdoc />
    public bool TakesArguments => true;

    /// <inheritdoc />
    public Role MinimumRole => Role.Member;

    /// <inheritdoc />
    public MenuItem? Menu => null;

    /// <inheritdoc />
    public async Task ExecuteAsync(Cppcc.Dialogs.Root.RouteContext context, string arguments, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var reference = ReportFormat.Reference(arguments);
        if (!ReportFormat.IsReference(reference))
        {
            await turn.SendActivityAsync(AttachmentTexts.Usage, cancellationToken: cancellationToken);
            return;
        }

        var report = reports.Find(reference);
        var isStaff = context.Caller.Role == Role.Staff;
        var own = report is not null && (report.AuthorKey == context.Caller.UserKey || report.CoSignedKeys.Contains(context.Caller.UserKey));
        if (report is null || !(isStaff || own))
        {
            await turn.SendActivityAsync(string.Format(CultureInfo.InvariantCulture, AttachmentTexts.NotFound, reference), cancellationToken: cancellationToken);
            return;
        }

        var files = attachments.For(reference);
        if (files.Count == 0)
        {
            await turn.SendActivityAsync(string.Format(CultureInfo.InvariantCulture, AttachmentTexts.None, reference), cancellationToken: cancellationToken);
            return;
        }

        if (!isStaff)
        {
            var names = string.Join("\n", files.Select((f, i) => $"{i + 1}. {f.FileName}"));
            await turn.SendActivityAsync(string.Format(CultureInfo.InvariantCulture, AttachmentTexts.OwnList, reference, files.Count) + "\n\n" + names,
                cancellationToken: cancellationToken);
            return;
        }

        var made = files.Select(f => (File: f, Link: links.Create(context.Caller, AttachmentExportSource.Kind, f.Id))).ToList();
        var until = OfficeClock.Local(made[0].Link.ExpiresAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var body = new JArray { MenuCard.TextBlock(string.Format(CultureInfo.InvariantCulture, AttachmentTexts.StaffList, reference, files.Count, until)) };
        var actions = new JArray(made.Select(m => new JObject { ["type"] = "Action.OpenUrl", ["title"] = m.File.FileName, ["url"] = m.Link.Url }));
        await turn.SendActivityAsync(MessageFactory.Attachment(MenuCard.AdaptiveCard(body, actions)), cancellationToken);
    }
}

/// <summary>The file behind an <see cref="AttachmentsCommand"/> link (subject: the attachment id); staff only, like every export.</summary>
public sealed class AttachmentExportSource(IReportAttachmentStore attachments) : IExportSource
{
    /// <summary>The link kind.</summary>
    public const string Kind = "report.attachment";

    string IExportSource.Kind => Kind;

    /// <inheritdoc />
    public Task<ExportFile?> CreateAsync(string subject, CancellationToken cancellationToken)
        => Task.FromResult(attachments.Open(subject) is { } file
            ? new ExportFile(file.Bytes, file.Attachment.ContentType, file.Attachment.FileName)
            : null);
}
