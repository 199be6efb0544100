using Microsoft.IdentityModel.Tokens;

namespace Cppcc.Bot.Hosting;

/// <summary>
/// Why a token was refused, in a few fixed words for the log: one line per refused request, never the stack trace, and
/// never text taken from the token (the SDK's messages can quote its claims).
/// </summary>
public static class AuthenticationFailure
{
    /// <summary>The reason for <paramref name="e"/>, an exception of the SDK's token check.</summary>
    public static string Describe(Exception e) => e switch
    {
        TimeoutException => "the token could not be checked in time (OpenID metadata or signing keys slow to come)",
        HttpRequestException or IOException => "the signing keys could not be fetched (see the line about the metadata fetch)",
        InvalidOperationException when e.Message.Contains("IDX20803", StringComparison.Ordinal) =>
            "the signing keys could not be fetched (see the line about the metadata fetch)",
        UnauthorizedAccessException => "refused by the Bot Framework check: " + FixedPart(e.Message),
        SecurityTokenExpiredException => "the token has expired",
        SecurityTokenNotYetValidException => "the token is not valid yet",
        SecurityTokenSignatureKeyNotFoundException => "the token is signed with an unknown key",
        SecurityTokenInvalidSignatureException => "the token's signature is invalid or missing",
        SecurityTokenInvalidIssuerException => "the token's issuer is not the Bot Framework",
        SecurityTokenInvalidAudienceException => "the token is for another bot",
        SecurityTokenMalformedException or ArgumentException => "the token is malformed",
        SecurityTokenException => "the token is invalid (" + e.GetType().Name + ")",
        _ when e.InnerException is { } inner => Describe(inner),
        _ => "the token could not be checked (" + e.GetType().Name + ")",
    };

    // The SDK's messages start with a fixed phrase and may end with a value from the token ("Invalid AppId passed on token: x").
    private static string FixedPart(string message)
    {
        var colon = message.IndexOf(':', StringComparison.Ordinal);
        var text = colon >= 0 ? message[..colon] : message;
        return text.Length > 80 ? text[..80] : text;
    }
}
