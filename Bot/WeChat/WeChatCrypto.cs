using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Cppcc.Bot.WeChat;

/// <summary>
/// Safe mode (安全模式) message encryption as WeChat publishes it: AES-256-CBC, key = Base64(EncodingAESKey + "="),
/// IV = the key's first 16 bytes, PKCS#7 padding to 32-byte blocks; the plaintext is 16 random bytes, the message
/// length as a 4-byte big-endian integer, the message (UTF-8) and the app id, which must be ours.
/// </summary>
public sealed class WeChatCrypto
{
    private const int PadBlock = 32;
    private readonly byte[] _key;
    private readonly byte[] _appId;

    public WeChatCrypto(string encodingAesKey, string appId)
    {
        _key = KeyFrom(encodingAesKey) ?? throw new ArgumentException("EncodingAESKey must be 43 characters of Base64.", nameof(encodingAesKey));
        _appId = Encoding.UTF8.GetBytes(appId);
    }

    /// <summary>The 32-byte key, or null when the text is not a valid EncodingAESKey.</summary>
    public static byte[]? KeyFrom(string? encodingAesKey)
    {
        if (encodingAesKey is not { Length: 43 })
        {
            return null;
        }

        var key = new byte[33];
        return Convert.TryFromBase64String(encodingAesKey + "=", key, out var written) && written == 32 ? key[..32] : null;
    }

    public string Encrypt(string message)
    {
        var body = Encoding.UTF8.GetBytes(message);
        var plain = new List<byte>(20 + body.Length + _appId.Length + PadBlock);
        plain.AddRange(RandomNumberGenerator.GetBytes(16));
        var length = new byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, body.Length);
        plain.AddRange(length);
        plain.AddRange(body);
        plain.AddRange(_appId);
        var pad = PadBlock - (plain.Count % PadBlock);
        plain.AddRange(Enumerable.Repeat((byte)pad, pad));
        using var aes = NewAes();
        return Convert.ToBase64String(aes.EncryptCbc(plain.ToArray(), _key.AsSpan(0, 16), PaddingMode.None));
    }

    /// <summary>The message inside <paramref name="cipherText"/>; throws <see cref="WeChatCryptoException"/> when it is not ours.</summary>
    public string Decrypt(string cipherText)
    {
        byte[] plain;
        try
        {
            var cipher = Convert.FromBase64String(cipherText);
            using var aes = NewAes();
            plain = aes.DecryptCbc(cipher, _key.AsSpan(0, 16), PaddingMode.None);
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            throw new WeChatCryptoException("NotDecryptable");
        }

        var pad = plain.Length == 0 ? 0 : plain[^1];
        if (pad is < 1 or > PadBlock || pad > plain.Length || plain.AsSpan(plain.Length - pad).ContainsAnyExcept((byte)pad))
        {
            throw new WeChatCryptoException("BadPadding");
        }

        var content = plain.AsSpan(0, plain.Length - pad);
        if (content.Length < 20)
        {
            throw new WeChatCryptoException("TooShort");
        }

        var length = BinaryPrimitives.ReadInt32BigEndian(content.Slice(16, 4));
        if (length < 0 || length > content.Length - 20)
        {
            throw new WeChatCryptoException("BadLength");
        }
        // A message encrypted for another account (or by someone without our key) must not be taken as ours.
        if (!CryptographicOperations.FixedTimeEquals(content[(20 + length)..], _appId))
        {
            throw new WeChatCryptoException("WrongAppId");
        }

        return Encoding.UTF8.GetString(content.Slice(20, length));
    }

    private Aes NewAes()
    {
        var aes = Aes.Create();
        aes.Key = _key;
        return aes;
    }
}

/// <summary>A safe-mode message that could not be decrypted or was not for this account; <see cref="Exception.Message"/> is a code.</summary>
public sealed class WeChatCryptoException(string code) : Exception(code);
