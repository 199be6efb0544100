using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.Hosting;

/// <summary>
/// <c>POST /api/messages</c>: the Bot Framework endpoint. Every refusal is a 4xx with a short reason and one log line:
/// without credentials only local callers (or <c>Hosting:AllowUnauthenticatedFrom</c>) get in (401); oversized bodies
/// get 413, malformed or incomplete activities 400; a token the SDK does not accept, or cannot check in time, 401; and
/// the bot only ever answers at a <c>serviceUrl</c> that something vouched for (401 otherwise): the token's
/// <c>serviceurl</c> claim, or, with authentication off, the address being this machine or an allowed network.
/// </summary>
public static class MessagesEndpoint
{
    private const string LocalOnlyText =
        "身份验证未开启：只接受本机（或 Hosting:AllowUnauthenticatedFrom 所列网络）的请求。\n"
        + "Bot Framework authentication is off (no MicrosoftAppId): /api/messages accepts only local callers "
        + "or the networks in Hosting:AllowUnauthenticatedFrom.\n";

    /// <summary>Handles one request.</summary>
    public static async Task HandleAsync(HttpContext http, AdapterWithErrorHandler adapter, IBot bot, IOptions<HostingOptions> options,
        UnauthenticatedCallers callers, IConfiguration configuration, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger(typeof(MessagesEndpoint));
        var authOn = !string.IsNullOrWhiteSpace(configuration["MicrosoftAppId"]);
        if (!authOn && !callers.MayCall(http.Connection.RemoteIpAddress, http.Request.Headers.ContainsKey("X-Forwarded-For")))
        {
            logger.LogWarning("Refused a call without credentials from a non-local or proxied address: authentication is off, so only local callers and Hosting:AllowUnauthenticatedFrom may post");
            await RefuseAsync(http, StatusCodes.Status401Unauthorized, LocalOnlyText);
            return;
        }

        var body = await ReadBodyAsync(http, options.Value.MaxActivityBytes);
        if (body is null)
        {
            return;
        }

        var (activity, problem) = ActivityShape.Read(body);
        if (activity is null)
        {
            logger.LogInformation("Refused an activity: {Problem}", problem);
            await RefuseAsync(http, StatusCodes.Status400BadRequest, $"无效的活动 / Bad activity: {problem}\n");
            return;
        }

        var authentication = await AuthenticateAsync(adapter, activity, http, options.Value, logger);
        if (authentication is null)
        {
            return;
        }

        if (!IsVouchedFor(activity, authentication, authOn, callers))
        {
            logger.LogWarning("Refused an activity whose serviceUrl nothing vouches for ({Check})",
                authOn ? "it differs from the token's serviceurl claim" : "authentication is off and it is not local or in Hosting:AllowUnauthenticatedFrom");
            await RefuseAsync(http, StatusCodes.Status401Unauthorized, authOn
                ? "serviceUrl 与令牌不符 / serviceUrl does not match the token's serviceurl claim.\n"
                : "serviceUrl 不在允许范围 / With authentication off, serviceUrl must be localhost, loopback or a network in Hosting:AllowUnauthenticatedFrom.\n");
            return;
        }

        var invokeResponse = await adapter.ProcessAuthenticatedAsync(authentication, activity, bot, http.RequestAborted);
        if (invokeResponse?.Status == StatusCodes.Status501NotImplemented)
        {
            // The SDK's ActivityHandler answers invokes it has no handler for with 501. For the caller that is a request
            // this bot cannot serve, not a fault of the server.
            logger.LogInformation("Refused an invoke the bot does not handle");
            await RefuseAsync(http, StatusCodes.Status400BadRequest, "不支持的调用 / This bot does not handle that invoke.\n");
            return;
        }

        await HttpHelper.WriteResponseAsync(http.Response, invokeResponse);
    }

    // The whole body up to the limit (chunked bodies have no Content-Length, so count), or null once answered.
    private static async Task<byte[]?> ReadBodyAsync(HttpContext http, int limit)
    {
        if (http.Request.ContentLength > limit)
        {
            http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return null;
        }

        try
        {
            var body = await ReadUpToAsync(http.Request.Body, limit + 1, http.RequestAborted);
            if (body.Length > limit)
            {
                http.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return null;
            }

            return body;
        }
        catch (BadHttpRequestException e)
        {
            // Broken chunked framing, a body that arrives too slowly: Kestrel's own verdict.
            http.Response.StatusCode = e.StatusCode;
            return null;
        }
        catch (Exception e) when (e is OperationCanceledException or IOException && http.RequestAborted.IsCancellationRequested)
        {
            // The client went away mid-body: nobody to answer.
            return null;
        }
    }

    private static async Task<AuthenticateRequestResult?> AuthenticateAsync(AdapterWithErrorHandler adapter, Activity activity, HttpContext http,
        HostingOptions options, ILogger logger)
    {
        // A token check fetches the metadata document and then the keys, each bounded by the timeout; beyond both,
        // give up on this request (the shared fetch goes on for the next ones).
        var limit = options.OpenIdMetadataTimeout * 2 + TimeSpan.FromSeconds(2);
        try
        {
            return await adapter.AuthenticateAsync(activity, http.Request.Headers.Authorization, http.RequestAborted).WaitAsync(limit, http.RequestAborted);
        }
        catch (Exception e) when (e is not OperationCanceledException || !http.RequestAborted.IsCancellationRequested)
        {
            logger.LogWarning("Refused a request whose token was not accepted: {Reason}", AuthenticationFailure.Describe(e));
            await RefuseAsync(http, StatusCodes.Status401Unauthorized, "令牌无效或无法验证 / The Bot Framework token is missing, invalid or could not be checked.\n");
            return null;
        }
    }

    private static bool IsVouchedFor(Activity activity, AuthenticateRequestResult authentication, bool authOn, UnauthenticatedCallers callers)
    {
        if (!authOn)
        {
            return callers.MaySendTo(new Uri(activity.ServiceUrl));
        }

        // The SDK compares the claim for channel tokens only; Emulator tokens carry none, so they cannot name one.
        var claim = authentication.ClaimsIdentity?.FindFirst(AuthenticationConstants.ServiceUrlClaim)?.Value;
        return claim is not null && string.Equals(claim, activity.ServiceUrl, StringComparison.OrdinalIgnoreCase);
    }

    private static async Task RefuseAsync(HttpContext http, int status, string text)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(text);
    }

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
}
