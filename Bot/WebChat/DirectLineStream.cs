using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.WebChat;

/// <summary>
/// The streamUrl WebSocket: pushes {"activities":[...],"watermark":"N"} as soon as anything is appended. The client
/// only sends empty keep-alive messages (directlinejs does every 20 s), which count as the visitor still being there.
/// Its token is the short-lived stream token in the <c>t</c> query parameter: missing 401, anything else that does not
/// open this conversation's stream (forged, expired, another conversation's) 403.
/// </summary>
internal static class DirectLineStream
{
    private const int MaxClientMessageBytes = 1024;

    public static async Task<IResult> AcceptAsync(
        HttpContext http, string conversationId, DirectLineTokens tokens, WebChatConversations conversations,
        IWebChatActivityLog log, IOptions<WebChatOptions> options, TimeProvider time)
    {
        if (!http.WebSockets.IsWebSocketRequest)
        {
            return DirectLineHttp.Error(StatusCodes.Status400BadRequest, "BadArgument", "WebSocket upgrade expected.");
        }

        var grant = await tokens.CheckStreamAsync(http.Request.Query["t"].ToString());
        if (grant.Status == TokenStatus.Missing)
        {
            // No credential at all is 401, as on the HTTP endpoints; a token that does not open this stream is 403.
            return DirectLineHttp.Error(StatusCodes.Status401Unauthorized, "TokenMissing", WebChatTexts.TokenMissing);
        }

        if (!grant.IsValid || grant.ConversationId != conversationId)
        {
            return DirectLineHttp.Error(StatusCodes.Status403Forbidden, "Forbidden", WebChatTexts.TokenInvalid);
        }

        if (!DirectLineHttp.TryWatermark(http, out var watermark))
        {
            return DirectLineHttp.Error(StatusCodes.Status400BadRequest, "BadArgument", WebChatTexts.BadWatermark);
        }

        if (await conversations.FindAsync(conversationId, http.RequestAborted) is not { } conversation)
        {
            return DirectLineHttp.Error(StatusCodes.Status404NotFound, "ConversationNotFound", WebChatTexts.ConversationEnded);
        }

        if (!conversation.TryOpenSocket(options.Value.MaxSocketsPerConversation))
        {
            return DirectLineHttp.TooManyRequests(http);
        }

        try
        {
            using var socket = await http.WebSockets.AcceptWebSocketAsync();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, conversation.Ended);
            var receiving = ReceiveAsync(socket, conversation, time, stop);
            await PushAsync(socket, conversation, log, watermark, stop.Token);
            await stop.CancelAsync();
            await receiving;
            await CloseAsync(socket, conversation.Ended.IsCancellationRequested);
        }
        finally
        {
            conversation.CloseSocket();
        }

        return Results.Empty;
    }

    private static async Task PushAsync(WebSocket socket, WebChatConversation conversation, IWebChatActivityLog log, long watermark, CancellationToken stop)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var changed = conversation.Changed; // taken before reading, so an append in between is not missed
                var (activities, last) = await log.ReadAfterAsync(conversation, watermark, stop);
                if (activities.Count == 0)
                {
                    await changed.WaitAsync(stop);
                    continue;
                }

                var message = Encoding.UTF8.GetBytes(DirectLineActivities.ActivitySet(activities, last));
                await socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, stop);
                watermark = last;
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or System.Data.Common.DbException)
        {
            // The visitor left, the conversation was dropped, the host is stopping, or the shared database did not
            // answer: the stream closes and directlinejs reconnects from its watermark.
        }
    }

    private static async Task ReceiveAsync(WebSocket socket, WebChatConversation conversation, TimeProvider time, CancellationTokenSource stop)
    {
        var buffer = new byte[MaxClientMessageBytes];
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var received = await socket.ReceiveAsync(buffer, stop.Token);
                if (received.MessageType == WebSocketMessageType.Close || !received.EndOfMessage)
                {
                    break;
                }

                conversation.Touch(time.GetUtcNow());
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            await stop.CancelAsync();
        }
    }

    private static async Task CloseAsync(WebSocket socket, bool ended)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            var status = ended ? WebSocketCloseStatus.EndpointUnavailable : WebSocketCloseStatus.NormalClosure;
            await socket.CloseOutputAsync(status, null, timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
        }
    }
}
