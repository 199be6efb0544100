namespace Cppcc.Bot.Storage;

/// <summary>
/// Keeps generated signing keys (web chat tokens, staff download links) across restarts and across instances, so an
/// open page or a link handed out a minute ago keeps working after a deployment and on every instance.
/// </summary>
public interface ISigningKeyStore
{
    /// <summary>The key named <paramref name="id"/>, made from <paramref name="bytes"/> random bytes the first time.</summary>
    byte[] GetOrCreate(string id, int bytes);
}
