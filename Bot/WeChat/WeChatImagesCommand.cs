using System.Globalization;
using Cppcc.Bot.Exports;
using Cppcc.Dialogs.Exports;
using Cppcc.Dialogs.Reports;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using Cppcc.Dialogs.Framework;

namespace Cppcc.Bot.WeChat;

/// <summary>
/// Staff: <c>微信图片 &lt;编号&gt;</c> lists the images a WeChat user attached to a suggestion as staff-only download
/// links. It lives with the channel because only the channel knows its images; it talks to the user like any command.
/// </summary>
public sealed class WeChatImagesCommand(WeChatImages images, IDownloadLinks links) : ITextCommand
{
    /// <inheritdoc />
    public bool PersonalOnly => true;

    public IReadOnlyList<string> Words { get; } = ["微信图片", "wechat images"];

    public bool TakesArguments => true;

    public Role MinimumRole => Role.Staff;

    public MenuItem? Menu => null;

    public async Task ExecuteAsync(Cppcc.Dialogs.Root.RouteContext context, string arguments, CancellationToken cancellationToken)
    {
        var reference = ReportFormat.Reference(arguments.Trim());
        var ids = images.For(reference);
        if (ids.Count == 0)
        {
            await context.Turn.SendActivityAsync(string.Format(CultureInfo.InvariantCulture, WeChatTexts.NoImages, reference), cancellationToken: cancellationToken);
            return;
        }

        var actions = new JArray();
        DownloadLink? last = null;
        for (var i = 0; i < ids.Count; i++)
        {
            last = links.Create(context.Caller, WeChatImageExport.Kind, ids[i]);
            actions.Add(new JObject { ["type"] = "Action.OpenUrl", ["title"] = $"图片 {i + 1}", ["url"] = last.Url });
        }

        var until = OfficeClock.Local(last!.ExpiresAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var body = new JArray { MenuCard.TextBlock(string.Format(CultureInfo.InvariantCulture, WeChatTexts.ImagesOf, reference, ids.Count, until)) };
        await context.Turn.SendActivityAsync(MessageFactory.Attachment(MenuCard.AdaptiveCard(body, actions)), cancellationToken);
    }
}

/// <summary>The file behind a <see cref="WeChatImagesCommand"/> link.</summary>
public sealed class WeChatImageExport(WeChatImages images) : IExportSource
{
    public const string Kind = "wechat.image";

    string IExportSource.Kind => Kind;

    public Task<ExportFile?> CreateAsync(string subject, CancellationToken cancellationToken) =>
        Task.FromResult(images.Open(subject) is { } image ? new ExportFile(image.Bytes, image.ContentType, image.FileName) : null);
}
