using Cppcc.Bot.Delivery;
using Microsoft.Bot.Schema;

namespace Cppcc.Bot.WeChat;

/// <summary>The delivery engine's channel with WeChat conversations sent by <see cref="WeChatAdapter"/>; everything else goes on as before.</summary>
public sealed class WeChatDeliveryChannel(IDeliveryChannel inner, Lazy<WeChatAdapter> adapter) : IDeliveryChannel
{
    public Task<string?> SendAsync(ConversationReference reference, IActivity activity, CancellationToken cancellationToken) =>
        reference.ChannelId == WeChatChannel.ChannelId
            ? adapter.Value.SendProactiveAsync(reference, activity, cancellationToken)
            : inner.SendAsync(reference, activity, cancellationToken);
}
