using Cppcc.Dialogs.Exports;
using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Framework.Cards;
using Cppcc.Dialogs.Reports;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;

namespace Cppcc.Dialogs.WeChat;

/// <summary>
/// Staff: <c>微信图片 &lt;编号&gt;</c> / <c>wechat images &lt;ref&gt;</c>: the images a WeChat user attached to a suggestion, one
/// staff-only download link each.
/// </summary>
public sealed class WeChatImagesCommand(IWeChatImages images, IDownloadLinks links, OfficeTime office) : ITextCommand
{
    /// <inheritdoc />
    public bool PersonalOnly => true;

    /// <inheritdoc />
    public IReadOnlyList<string> Words { get; } = ["微信图片", "wechat images"];

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
        var reference = ReportFormat.Reference(arguments.Trim());
        var ids = images.For(reference);
        if (ids.Count == 0)
        {
            await turn.SendActivityAsync(WeChatTexts.NoImages.Format(turn, reference), cancellationToken: cancellationToken);
            return;
        }

        var downloads = ids.Select(id => links.Create(context.Caller, WeChatExportKinds.Image, id)).ToList();
        var card = new AdaptiveCardBuilder().Text(WeChatTexts.ImagesOf.Format(turn, reference, ids.Count, DownloadCard.Until(downloads[^1], office)));
        for (var i = 0; i < downloads.Count; i++)
        {
            card.OpenUrl(WeChatTexts.Image.Format(turn, i + 1), downloads[i].Url);
        }

        await turn.SendActivityAsync(MessageFactory.Attachment(card.Build()), cancellationToken);
    }
}
