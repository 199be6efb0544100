namespace Cppcc.Bot.WeChat;

/// <summary>
/// The current access_token per app id, kept across restarts and shared by instances: WeChat allows about 2,000 token
/// fetches a day, and a process that fetched a new one at every start (or crash loop) would use them up.
/// </summary>
public interface IWeChatTokenStore
{
    /// <summary>The stored token of <paramref name="appId"/> and when it expires, or null.</summary>
    (string Token, DateTimeOffset ExpiresAt)? Find(string appId);

    /// <summary>Stores (replaces) the token of <paramref name="appId"/>.</summary>
    void Save(string appId, string token, DateTimeOffset expiresAt);
}
