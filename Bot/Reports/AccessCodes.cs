using System.Security.Cryptography;
using System.Text;

namespace Cppcc.Bot.Reports;

/// <summary>
/// Access codes of public submitters: 8 characters from an alphabet without look-alikes (about 40 bits), shown once;
/// only a salted PBKDF2 hash is stored, and checks run in constant time.
/// </summary>
public static class AccessCodes
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private const int Length = 8;
    private const int Iterations = 10_000;

    /// <summary>A new random code.</summary>
    public static string Create()
    {
        var chars = new char[Length];
        for (var i = 0; i < Length; i++)
        {
            chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(chars);
    }

    /// <summary>Salt and hash to store for <paramref name="code"/>.</summary>
    public static (byte[] Salt, byte[] Hash) Hash(string code)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        return (salt, Derive(code, salt));
    }

    /// <summary>True when <paramref name="code"/> (case-insensitive, spaces ignored) matches the stored hash.</summary>
    public static bool Verify(string? code, byte[]? salt, byte[]? hash)
    {
        if (string.IsNullOrWhiteSpace(code) || salt is null || hash is null)
        {
            return false;
        }

        var normalized = Cppcc.Dialogs.Framework.InputText.Fold(code).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        return CryptographicOperations.FixedTimeEquals(Derive(normalized, salt), hash);
    }

    private static byte[] Derive(string code, byte[] salt)
        => Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(code), salt, Iterations, HashAlgorithmName.SHA256, 32);
}
