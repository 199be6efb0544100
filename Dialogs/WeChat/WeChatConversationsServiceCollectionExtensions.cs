using Cppcc.Dialogs.Root;
using Microsoft.Extensions.DependencyInjection;

namespace Cppcc.Dialogs.WeChat;

/// <summary>Registers the staff's WeChat commands; the host provides <see cref="IWeChatImages"/> and the download links.</summary>
public static class WeChatConversationsServiceCollectionExtensions
{
    /// <summary>Adds <c>微信图片</c>.</summary>
    public static IServiceCollection AddWeChatConversations(this IServiceCollection services)
        => services.AddSingleton<ITextCommand, WeChatImagesCommand>();
}
