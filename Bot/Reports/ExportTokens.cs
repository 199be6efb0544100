using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Cppcc.Dialogs.Reports;
using Microsoft.AspNetCore.WebUtilities;

namespace Cppcc.Bot.Reports;

/// <summary>What a download link grants: one export of one period, to one staff user, until a time.</summary>
/// <param name="UserKey">The staff user it was made for.</param>
/// <param name="Format"><c>csv</c> or <c>xlsx</c>.</param>
/// <param name="Period">The period.</param>
/// <param name="ExpiresAt">When it stops working.</param>
public sealed record ExportGrant(string UserKey, string Format, ReportPeriod Period, DateTimeOffset ExpiresAt);

/// <summary>
/// Signs and reads export link tokens: the grant in base64url, a dot, and its HMAC-SHA256. REVIEW: the key is made
/// per process, so links die with a restart (they live minutes anyway) and several instances need sticky sessions.
/// </summary>
public sealed class ExportTokens
{
    private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

    /// <summary>The token for a grant.</summary>
    public string Create(ExportGrant grant)
    {
        var payload = string.Join('|', "v1", grant.UserKey, grant.Format, grant.Period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            grant.Period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), grant.ExpiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        var bytes = Encoding.UTF8.GetBytes(payload);
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
            var period = new ReportPeriod(DateOnly.ParseExact(fields[3], "yyyy-MM-dd", CultureInfo.InvariantCulture),
                DateOnly.ParseExact(fields[4], "yyyy-MM-dd", CultureInfo.InvariantCulture));
            var expires = DateTimeOffset.FromUnixTimeSeconds(long.Parse(fields[5], CultureInfo.InvariantCulture));
            return fields[0] == "v1" ? new ExportGrant(fields[1], fields[2], period, expires) : null;
        }
        catch (Exception e) when (e is FormatException or IndexOutOfRangeException or OverflowException or ArgumentException)
        {
            return null;
        }
    }
}
