namespace Cppcc.Bot.Hosting;

/// <summary>Limits of the HTTP endpoints and who may call <c>/api/messages</c>.</summary>
public sealed class HostingOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Hosting";

    /// <summary>
    /// Largest accepted body on <c>/api/messages</c>. Teams activities with cards stay well below it; anything larger
    /// gets 413 before it is parsed.
    /// </summary>
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Networks (CIDR, e.g. <c>10.8.0.0/16</c>) besides loopback that may call <c>/api/messages</c> while Bot Framework
    /// authentication is off (no <c>MicrosoftAppId</c>). Without a token nobody vouches for the caller, so by default
    /// only this machine may talk to the bot that way. Ignored when authentication is on.
    /// </summary>
    public List<string> AllowUnauthenticatedFrom { get; set; } = [];

    /// <summary>
    /// Longest wait for the Bot Framework's OpenID metadata or signing-key document. A token cannot be checked without
    /// them, so while they do not come every request with a token gets 401 after at most this long.
    /// </summary>
    public TimeSpan OpenIdMetadataTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// After a failed metadata or key fetch, how long the failure is remembered: requests in that time get 401 at once
    /// instead of each trying (and waiting) again.
    /// </summary>
    public TimeSpan OpenIdMetadataRetryAfter { get; set; } = TimeSpan.FromSeconds(15);
}
