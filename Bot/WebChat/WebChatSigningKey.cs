namespace Cppcc.Bot.WebChat;

/// <summary>The HMAC key for Direct Line tokens: WebChat:TokenSigningKey, else one generated once and stored.</summary>
internal sealed class WebChatSigningKey
{
    public const int MinimumBytes = 32;

    public WebChatSigningKey(byte[] bytes)
    {
        if (bytes.Length < MinimumBytes)
        {
            throw new ArgumentException($"The web chat token key must be at least {MinimumBytes} bytes.", nameof(bytes));
        }

        Bytes = bytes;
    }

    public byte[] Bytes { get; }
}
