using System.Buffers;
using System.Text;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Cppcc.Bot.WebChat;

/// <summary>Request and response plumbing shared by the Direct Line endpoints.</summary>
internal static class DirectLineHttp
{
    /// <summary>Bot Framework's error body shape: {"error":{"code","message"}}; the message is what a visitor may read.</summary>
    public static JsonHttpResult<ErrorBody> Error(int status, string code, string message) =>
        TypedResults.Json(new ErrorBody(new ErrorDetail(code, message)), statusCode: status);

    public static IResult TooManyRequests(HttpContext http)
    {
        http.Response.Headers.RetryAfter = "1";
        return Error(StatusCodes.Status429TooManyRequests, "TooManyRequests", WebChatTexts.TooManyRequests);
    }

    /// <summary>What to answer when no conversation could be started: 429 for an address past its share, else 503.</summary>
    public static IResult CannotStart(HttpContext http, StartRefusal refusal)
    {
        if (refusal == StartRefusal.ClientShareUsed)
        {
            http.Response.Headers.RetryAfter = "60";
            return Error(StatusCodes.Status429TooManyRequests, "TooManyConversations", WebChatTexts.TooManyConversations);
        }

        return Error(StatusCodes.Status503ServiceUnavailable, "ServiceBusy", WebChatTexts.Busy);
    }

    public static string? Bearer(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    /// <summary>The grant behind the request's bearer token, or the error to answer with (401 unknown, 403 expired or
    /// another conversation's: directlinejs treats 403 as "token expired" and stops, which is what we want).</summary>
    public static async Task<(TokenCheck Grant, IResult? Failure)> AuthorizeAsync(
        HttpContext http, DirectLineTokens tokens, string? conversationId)
    {
        var grant = await tokens.CheckAsync(Bearer(http));
        IResult? failure = grant.Status switch
        {
            TokenStatus.Missing => Error(StatusCodes.Status401Unauthorized, "TokenMissing", WebChatTexts.TokenMissing),
            TokenStatus.Invalid => Error(StatusCodes.Status401Unauthorized, "TokenInvalid", WebChatTexts.TokenInvalid),
            TokenStatus.Expired => Error(StatusCodes.Status403Forbidden, "TokenExpired", WebChatTexts.TokenInvalid),
            _ when conversationId is not null && conversationId != grant.ConversationId =>
                Error(StatusCodes.Status403Forbidden, "Forbidden", WebChatTexts.NotYourConversation),
            _ => null,
        };
        return (grant, failure);
    }

    /// <summary>"watermark" query value: absent or empty = from the start; anything else must be a number.</summary>
    public static bool TryWatermark(HttpContext http, out long watermark)
    {
        var raw = http.Request.Query["watermark"].ToString();
        watermark = 0;
        return raw.Length == 0 || raw == "-" || (long.TryParse(raw, out watermark) && watermark >= 0);
    }

    /// <summary>Reads the body as UTF-8 text, or null when it is larger than <paramref name="limit"/> bytes.</summary>
    public static async Task<string?> ReadBodyAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength > limit)
        {
            return null;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(limit + 1);
        try
        {
            var read = 0;
            int n;
            while (read <= limit && (n = await request.Body.ReadAsync(buffer.AsMemory(read, limit + 1 - read), cancellationToken)) > 0)
            {
                read += n;
            }

            return read > limit ? null : Encoding.UTF8.GetString(buffer, 0, read);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public sealed record ErrorBody(ErrorDetail Error);

    public sealed record ErrorDetail(string Code, string Message);
}
