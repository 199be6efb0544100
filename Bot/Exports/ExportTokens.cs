using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cppcc.Bot.Storage;
using Microsoft.AspNetCore.WebUtilities;

namespace Cppcc.Bot.Exports;

/// <summary>What a download link grants: one file of one kind about one subject, to one staff user, until a time.</summary>
/// <param name="UserKey">The staff user it was made for.</param>
/// <param name="Kind">Which file, e.g. <c>report.csv</c>, <c>attendance.csv</c> (an <see cref="IExportSource.Kind"/>).</param>
/// <param name="Subject">What it is about: a period, a session id, a broadcast id.</param>
/// <param name="ExpiresAt">When it stops working.</param>
public sealed record ExportGrant(string UserKey, string Kind, string Subject, DateTimeOffset ExpiresAt);

/// <summary>
/// Signs and reads export link tokens: the grant in base64url, a dot, and its HMAC-SHA256. The key is kept in
/// storage, so a link handed out before a restart still works until it expires.
/// </summary>
public sealed class ExportTokens(ISigningKeyStore keys)
{
    private const string Version = "v2";
    private readonly byte[] _key = keys.GetOrCreate("export-links", 32);

    /// <summary>The token for a grant (no field may contain <c>|</c>).</summary>
    public string Create(ExportGrant grant)
    {
        var fields = new[] { Version, grant.UserKey, grant.Kind, grant.Subject, grant.ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) };
        if (fields.Any(f => f.Contains('|', StringComparison.Ordinal)))
        {
            throw new ArgumentException("Export grant fields must not contain '|'.", nameof(grant));
        }

        var bytes = Encoding.UTF8.GetBytes(string.Join('|', fields));
        return WebEncoders.Base64UrlEncode(bytes) + "." + WebEncoders.Base64UrlEncode(HMACSHA256.HashData(_key, bytes));
    }

    /// <summary>The grant of a token whose signature is right (expiry is the caller's check), else null.</summary>
    public ExportGrant? Read(string? token)
    {
        var parts = token?.Split('.') ?? Array.Empty<string>();
        if (parts.Length != 2)
        {
            return null;
        }

        try
        {
            var bytes = WebEncoders.Base64UrlDecode(parts[0]);
            if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(_key, bytes), WebEncoders.Base64UrlDecode(parts[1])))
            {
                return null;
            }

            var fields = Encoding.UTF8.GetString(bytes).Split('|');
            var expires = DateTimeOffset.FromUnixTimeSeconds(long.Parse(fields[4], CultureInfo.InvariantCulture));
            return fields.Length == 5 && fields[0] == Version ? new ExportGrant(fields[1], fields[2], fields[3], expires) : null;
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or OverflowException or ArgumentException)
        {
            return null;
        }
    }
}
