using System.Globalization;
using Cppcc.Dialogs.Exports;
using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Framework.Cards;
using Cppcc.Dialogs.Reports;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;

namespace Cppcc.Dialogs.Attachments;

/// <summary>
/// <c>附件 &lt;编号&gt;</c> / <c>attachments &lt;ref&gt;</c>: staff get one signed, expiring link per file of any report;
/// a member sees the names of the files on their own reports (written or co-signed) and nothing of anyone else's.
/// </summary>
public sealed class AttachmentsCommand(IReportAttachments attachments, IDownloadLinks links, OfficeTime office) : ITextCommand
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
    public async Task ExecuteAsync(RouteContext context, string arguments, CancellationToken cancellationToken)
    {
        var turn = context.Turn;
        var reference = ReportFormat.Reference(arguments);
        if (!ReportFormat.IsReference(reference))
        {
            await turn.SendActivityAsync(AttachmentTexts.Usage, cancellationToken: cancellationToken);
            return;
        }

        if (attachments.For(context.Caller, reference) is not { } files)
        {
            await turn.SendActivityAsync(Format(AttachmentTexts.NotFound, reference), cancellationToken: cancellationToken);
            return;
        }

        if (files.Count == 0)
        {
            await turn.SendActivityAsync(Format(AttachmentTexts.None, reference), cancellationToken: cancellationToken);
            return;
        }

        if (context.Caller.Role != Role.Staff)
        {
            var names = string.Join("\n", files.Select((f, i) => $"{i + 1}. {PlainText.Markdown(f.FileName)}"));
            await turn.SendActivityAsync(Format(AttachmentTexts.OwnList, reference, files.Count) + "\n\n" + names, cancellationToken: cancellationToken);
            return;
        }

        var made = files.Select(f => (File: f, Link: links.Create(context.Caller, ReportAttachmentEntry.LinkKind, f.Id))).ToList();
        var until = DownloadCard.Until(made[0].Link, office);
        var card = new AdaptiveCardBuilder().Text(Format(AttachmentTexts.StaffList, reference, files.Count, until));
        foreach (var (file, link) in made)
        {
            card.OpenUrl(file.FileName, link.Url);
        }

        await turn.SendActivityAsync(MessageFactory.Attachment(card.Build()), cancellationToken);
    }

    private static string Format(string text, params object[] args) => string.Format(CultureInfo.InvariantCulture, text, args);
}
