using System.Security.Cryptography;
using System.Text;

namespace Cppcc.Bot.WeChat;

/// <summary>
/// WeChat's callback signature: SHA-1 (lower-case hex) of the parts sorted in ordinal order and concatenated. Plain
/// callbacks sign token, timestamp and nonce; safe-mode messages and replies add the ciphertext (msg_signature).
/// </summary>
public static class WeChatSignature
{
    public static string Compute(params string[] parts)
    {
        var sorted = parts.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(sorted))));
    }

    /// <summary>Constant-time comparison, so the time of a refusal says nothing about how much of a guess was right.</summary>
    public static bool Matches(string? given, params string[] parts)
    {
        if (string.IsNullOrEmpty(given))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(parts));
        var actual = Encoding.ASCII.GetBytes(given.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
