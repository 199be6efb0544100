using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Cppcc.Bot.WebChat;

/// <summary>What a presented token proved: nothing, an expired grant, or a live grant for one conversation and user.</summary>
internal readonly record struct TokenCheck(TokenStatus Status, string ConversationId, string UserId, DateTimeOffset ExpiresAt = default)
{
    public bool IsValid => Status == TokenStatus.Valid;
}

internal enum TokenStatus { Missing, Invalid, Expired, Valid }

/// <summary>
/// Short-lived HS256 JWTs, each bound to one conversation and one server-chosen user id. The claim names follow
/// Azure's Direct Line tokens: directlinejs reads "user" from the token and then overrides from.id itself.
/// Stream tokens (in the WebSocket URL) carry a different audience so a leaked stream URL cannot post activities.
/// </summary>
internal sealed class DirectLineTokens(WebChatSigningKey signingKey, TimeProvider time)
{
    private const string Issuer = "cppcc-bot/webchat";
    private const string ApiAudience = "directline";
    private const string StreamAudience = "directline-stream";

    private readonly JsonWebTokenHandler _handler = new() { SetDefaultTimesOnTokenCreation = false };
    private readonly SymmetricSecurityKey _key = new(signingKey.Bytes);

    public string Issue(string conversationId, string userId, TimeSpan lifetime) =>
        Create(conversationId, userId, lifetime, ApiAudience);

    public string IssueStream(string conversationId, string userId, TimeSpan lifetime) =>
        Create(conversationId, userId, lifetime, StreamAudience);

    public Task<TokenCheck> CheckAsync(string? token) => CheckAsync(token, ApiAudience);

    public Task<TokenCheck> CheckStreamAsync(string? token) => CheckAsync(token, StreamAudience);

    private string Create(string conversationId, string userId, TimeSpan lifetime, string audience)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Claims = new Dictionary<string, object> { ["conv"] = conversationId, ["user"] = userId },
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.HmacSha256),
        });
    }

    private async Task<TokenCheck> CheckAsync(string? token, string audience)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return new TokenCheck(TokenStatus.Missing, "", "");
        }

        // Lifetime is checked below against TimeProvider, so that expiry is testable and reported apart from forgery.
        var result = await _handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = audience,
            IssuerSigningKey = _key,
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            ValidateLifetime = false,
        });
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt
            || !jwt.TryGetPayloadValue<string>("conv", out var conversationId)
            || !jwt.TryGetPayloadValue<string>("user", out var userId))
        {
            return new TokenCheck(TokenStatus.Invalid, "", "");
        }

        var expiresAt = new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero);
        var expired = expiresAt <= time.GetUtcNow();
        return new TokenCheck(expired ? TokenStatus.Expired : TokenStatus.Valid, conversationId, userId, expiresAt);
    }
}
