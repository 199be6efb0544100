using System.Security.Cryptography;
using Npgsql;

namespace Cppcc.Bot.WebChat.Postgres;

/// <summary>
/// The token signing key in the shared database: the first instance to start creates it, every other one reads the
/// same, so a token issued by one instance verifies on all of them.
/// </summary>
internal static class PostgresWebChatKeys
{
    public static byte[] GetOrCreate(NpgsqlDataSource dataSource, string id, int bytes)
    {
        using var connection = dataSource.OpenConnection();
        using (var insert = new NpgsqlCommand("INSERT INTO webchat_signing_keys (id, key) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING", connection))
        {
            insert.Parameters.AddWithValue(id);
            insert.Parameters.AddWithValue(RandomNumberGenerator.GetBytes(bytes));
            insert.ExecuteNonQuery();
        }

        using var select = new NpgsqlCommand("SELECT key FROM webchat_signing_keys WHERE id = $1", connection);
        select.Parameters.AddWithValue(id);
        return (byte[])select.ExecuteScalar()!;
    }
}
