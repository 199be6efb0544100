using System.Diagnostics.CodeAnalysis;

namespace Cppcc.Dialogs.Root;

/// <summary>
/// A user's stable identity: the channel and the user's id on it (the AAD object id in Teams, the channel's user id
/// elsewhere). Stored, logged by reference and sent as <c>channel:id</c> (<see cref="ToString"/>), the form every stored
/// record already holds; this type is the only code that builds or splits that text.
/// </summary>
public readonly record struct UserKey
{
    private const char Separator = ':';

    private readonly string? _channel;
    private readonly string? _id;

    private UserKey(string channel, string id)
    {
        _channel = channel;
        _id = id;
    }

    /// <summary>The channel id (<c>msteams</c>, <c>webchat</c>, <c>directline</c>, <c>wechat</c>, …).</summary>
    public string Channel => _channel ?? "";

    /// <summary>The user's id on that channel; may itself contain colons (a Teams <c>29:…</c> id).</summary>
    public string Id => _id ?? "";

    /// <summary>The key of user <paramref name="userId"/> on channel <paramref name="channelId"/>.</summary>
    public static UserKey For(string? channelId, string? userId) => new(channelId ?? "", userId ?? "");

    /// <summary>Reads a stored key; false for text that has no channel before its first colon.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out UserKey key)
    {
        var colon = text?.IndexOf(Separator, StringComparison.Ordinal) ?? -1;
        if (text is null || colon <= 0)
        {
            key = default;
            return false;
        }

        key = new UserKey(text[..colon], text[(colon + 1)..]);
        return true;
    }

    /// <summary>Reads a key the bot stored itself; a malformed one is a bug, not user input.</summary>
    public static UserKey Parse(string text)
        => TryParse(text, out var key) ? key : throw new FormatException("A user key is 'channel:id'.");

    /// <summary>True when the key belongs to channel <paramref name="channelId"/> (channel ids ignore case).</summary>
    public bool IsOn(string channelId) => string.Equals(Channel, channelId, StringComparison.OrdinalIgnoreCase);

    /// <summary>The stored form, <c>channel:id</c>.</summary>
    public override string ToString() => Channel + Separator + Id;
}
