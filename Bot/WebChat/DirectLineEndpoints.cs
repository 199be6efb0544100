using System.Text.Json.Serialization;
using Cppcc.Bot.Limits;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.WebChat;

/// <summary>
/// The Direct Line 3.0 subset of docs/contract.md (HTTP endpoints), enough for the official botframework-directlinejs client
/// (and so Web Chat) unmodified: tokens, start/resume, send, poll with watermark, and the WebSocket stream.
/// </summary>
internal static class DirectLineEndpoints
{
    public static void MapDirectLine(this IEndpointRouteBuilder endpoints)
    {
        var directLine = endpoints.MapGroup("/v3/directline");
        directLine.AddEndpointFilter(LimitClientAsync);
        directLine.MapPost("/tokens/generate", GenerateTokenAsync);
        directLine.MapPost("/tokens/refresh", RefreshTokenAsync);
        directLine.MapPost("/conversations", StartConversationAsync);
        directLine.MapGet("/conversations/{conversationId}", ResumeConversationAsync);
        directLine.MapPost("/conversations/{conversationId}/activities", DirectLineActivities.PostAsync);
        directLine.MapGet("/conversations/{conversationId}/activities", DirectLineActivities.GetAsync);
        directLine.MapPost("/conversations/{conversationId}/upload", DirectLineUpload.PostAsync);
        directLine.MapGet("/conversations/{conversationId}/stream", DirectLineStream.AcceptAsync);
    }

    private static async ValueTask<object?> LimitClientAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var allowed = http.RequestServices.GetRequiredService<WebChatRateLimits>().ClientRequests.TryTake(ClientAddress.Key(http));
        return allowed ? await next(context) : DirectLineHttp.TooManyRequests(http);
    }

    /// <summary>What the page calls with no credentials at all: a new conversation id, user id and a token for them.</summary>
    private static async Task<IResult> GenerateTokenAsync(
        HttpContext http, DirectLineTokens tokens, WebChatRateLimits limits, AzureDirectLine azure, AzureVisitorAddresses azureVisitors,
        IOptions<WebChatOptions> options)
    {
        var clientAddress = ClientAddress.Key(http);
        if (!limits.ClientConversations.TryTake(clientAddress))
        {
            return DirectLineHttp.TooManyRequests(http);
        }

        if (azure.Enabled)
        {
            var userId = WebChatConversations.NewUserId();
            azureVisitors.Remember(userId, clientAddress);
            var grant = await azure.GenerateAsync(userId, http.RequestAborted);
            return grant is null
                ? DirectLineHttp.Error(StatusCodes.Status502BadGateway, "DirectLineUnavailable", WebChatTexts.Busy)
                : TypedResults.Ok(grant);
        }

        var conversationId = WebChatConversations.NewConversationId();
        var lifetime = options.Value.TokenLifetime;
        var token = tokens.Issue(conversationId, WebChatConversations.NewUserId(), lifetime);
        return TypedResults.Ok(new TokenResponse(conversationId, token, (int)lifetime.TotalSeconds));
    }

    private static async Task<IResult> RefreshTokenAsync(HttpContext http, DirectLineTokens tokens, IOptions<WebChatOptions> options)
    {
        var (grant, failure) = await DirectLineHttp.AuthorizeAsync(http, tokens, conversationId: null);
        if (failure is not null)
        {
            return failure;
        }

        var lifetime = options.Value.TokenLifetime;
        var token = tokens.Issue(grant.ConversationId, grant.UserId, lifetime);
        return TypedResults.Ok(new TokenResponse(grant.ConversationId, token, (int)lifetime.TotalSeconds));
    }

    /// <summary>POST /conversations with a token: the token's conversation, started now (the bot greets) or resumed.</summary>
    private static async Task<IResult> StartConversationAsync(
        HttpContext http, DirectLineTokens tokens, WebChatConversations conversations, WebChatTurns turns,
        IOptions<WebChatOptions> options, TimeProvider time)
    {
        var (grant, failure) = await DirectLineHttp.AuthorizeAsync(http, tokens, conversationId: null);
        if (failure is not null)
        {
            return failure;
        }

        var (conversation, started, refusal) = await conversations.GetOrStartAsync(
            grant.ConversationId, grant.UserId, ClientAddress.Key(http), startAfter: 0, http.RequestAborted);
        if (conversation is null)
        {
            return DirectLineHttp.CannotStart(http, refusal);
        }

        conversation.Touch(time.GetUtcNow());
        if (started)
        {
            await turns.StartAsync(conversation, http.RequestAborted);
        }

        var body = Describe(http, tokens, options.Value, grant, watermark: 0, time);
        return started ? TypedResults.Created((string?)null, body) : TypedResults.Ok(body);
    }

    /// <summary>GET /conversations/{id}?watermark=N: directlinejs asks this for a fresh streamUrl after a socket drops.</summary>
    private static async Task<IResult> ResumeConversationAsync(
        HttpContext http, string conversationId, DirectLineTokens tokens, WebChatConversations conversations,
        IOptions<WebChatOptions> options, TimeProvider time)
    {
        var (grant, failure) = await DirectLineHttp.AuthorizeAsync(http, tokens, conversationId);
        if (failure is not null)
        {
            return failure;
        }

        if (!DirectLineHttp.TryWatermark(http, out var watermark))
        {
            return DirectLineHttp.Error(StatusCodes.Status400BadRequest, "BadArgument", WebChatTexts.BadWatermark);
        }

        var (conversation, _, refusal) = await conversations.GetOrStartAsync(
            conversationId, grant.UserId, ClientAddress.Key(http), watermark, http.RequestAborted);
        if (conversation is null)
        {
            return DirectLineHttp.CannotStart(http, refusal);
        }

        conversation.Touch(time.GetUtcNow());
        return TypedResults.Ok(Describe(http, tokens, options.Value, grant, watermark, time));
    }

    private static ConversationResponse Describe(
        HttpContext http, DirectLineTokens tokens, WebChatOptions options, TokenCheck grant, long watermark, TimeProvider time)
    {
        var request = http.Request;
        var scheme = request.IsHttps ? "wss" : "ws";
        var streamToken = tokens.IssueStream(grant.ConversationId, grant.UserId, options.StreamUrlLifetime);
        var streamUrl = $"{scheme}://{request.Host}{request.PathBase}/v3/directline/conversations/"
            + $"{Uri.EscapeDataString(grant.ConversationId)}/stream?watermark={watermark}&t={Uri.EscapeDataString(streamToken)}";
        var expiresIn = (int)Math.Max(0, (grant.ExpiresAt - time.GetUtcNow()).TotalSeconds);
        return new ConversationResponse(grant.ConversationId, DirectLineHttp.Bearer(http)!, expiresIn, streamUrl);
    }

    // Wire names of Direct Line 3.0 (the rest come out right from ASP.NET Core's camelCase policy).
    internal sealed record TokenResponse(string ConversationId, string Token, [property: JsonPropertyName("expires_in")] int ExpiresIn)
    {
        /// <summary>Where the page should connect when it is not this bot (Azure Direct Line); absent for the embedded one.</summary>
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? Domain { get; init; }
    }

    internal sealed record ConversationResponse(
        string ConversationId, string Token, [property: JsonPropertyName("expires_in")] int ExpiresIn, string StreamUrl);
}
