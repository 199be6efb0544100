namespace Cppcc.Bot.WeChat;

/// <summary>
/// The callbacks this bot has taken, shared by every instance on the storage (one LiteDB file, or the PostgreSQL
/// database behind a load balancer): a claim of a key (a message, a timestamp and nonce) by a value, kept until it
/// expires. The first claim of a key holds until then, whichever instance made it, so WeChat's retry of a message or a
/// replayed callback is recognised by any instance, and after a restart.
/// </summary>
public interface IWeChatCallbackStore
{
    /// <summary>
    /// Claims <paramref name="key"/> for <paramref name="value"/> until <paramref name="expiresAt"/>, atomically; returns
    /// the value that holds the key afterwards: <paramref name="value"/> when the key was free or its claim had expired
    /// by <paramref name="now"/>, else the earlier claim's value (unchanged, with its own expiry).
    /// </summary>
    string Claim(string key, string value, DateTimeOffset now, DateTimeOffset expiresAt);

    /// <summary>Deletes the claims that expired by <paramref name="now"/>; returns how many.</summary>
    int RemoveExpired(DateTimeOffset now);
}
