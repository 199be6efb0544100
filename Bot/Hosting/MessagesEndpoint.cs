using System.Text.Json;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.Hosting;

/// <summary>
/// <c>POST /api/messages</c>: the Bot Framework endpoint. Oversized bodies get 413 and malformed JSON 400 before the
/// adapter sees them; the adapter answers 401 for missing or invalid credentials when auth is on, and honours
/// <c>deliveryMode: expectReplies</c>.
/// </summary>
public static class MessagesEndpoint
{
    /// <summary>Handles one request.</summary>
    public static async Task HandleAsync(HttpContext http, IBotFrameworkHttpAdapter adapter, IBot bot,
        IOptions<HostingOptions> options, ILoggerFactory loggers)
    {
        var limit = options.Value.MaxActivityBytes;
        if (http.Request.ContentLength > limit)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var body = await ReadUpToAsync(http.Request.Body, limit + 1, http.RequestAborted);
        if (body.Length > limit)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        if (!IsJsonObject(body))
        {
            http.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        http.Request.Body = new MemoryStream(body, writable: false);
        try
        {
            await adapter.ProcessAsync(http.Request, http.Response, bot, http.RequestAborted);
        }
        catch (Exception e) when (IsAuthenticationFailure(e) && !http.Response.HasStarted)
        {
            // The SDK maps most auth failures to 401 itself; a token it cannot even check (unknown signing keys,
            // unreachable metadata) surfaces as an exception. Unverifiable credentials are unauthorized, not a 500.
            loggers.CreateLogger(typeof(MessagesEndpoint)).LogWarning("Rejected a request whose token could not be validated: {Error}", e.GetType().Name);
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
    }

    private static bool IsAuthenticationFailure(Exception e)
        => e is UnauthorizedAccessException or Microsoft.IdentityModel.Tokens.SecurityTokenException
           || e.GetType().Namespace?.StartsWith("Microsoft.IdentityModel", StringComparison.Ordinal) == true
           || (e is InvalidOperationException && e.Message.StartsWith("IDX", StringComparison.Ordinal))
           || (e.InnerException is { } inner && IsAuthenticationFailure(inner));

    private static async Task<byte[]> ReadUpToAsync(Stream stream, int max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while (buffer.Length < max && (read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, max - buffer.Length)), cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static bool IsJsonObject(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
