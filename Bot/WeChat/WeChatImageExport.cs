using Cppcc.Bot.Exports;
using Cppcc.Dialogs.WeChat;

namespace Cppcc.Bot.WeChat;

/// <summary>The image behind a <c>微信图片</c> download link (subject: the image id).</summary>
public sealed class WeChatImageExport(WeChatImages images) : IExportSource
{
    /// <inheritdoc />
    public string Kind => WeChatExportKinds.Image;

    /// <inheritdoc />
    public ExportFile? Create(string subject)
        => images.Open(subject) is { } image ? new ExportFile(image.Bytes, image.ContentType, image.FileName) : null;
}
