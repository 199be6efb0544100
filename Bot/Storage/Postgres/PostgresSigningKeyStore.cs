using System.Security.Cryptography;
using Npgsql;

namespace Cppcc.Bot.Storage.Postgres;

/// <summary>
/// <see cref="ISigningKeyStore"/> on PostgreSQL (table <c>signing_keys</c>). Two instances creating the same key at
/// once both end up with the one that was inserted first, so a token signed by one verifies on the other.
/// </summary>
public sealed class PostgresSigningKeyStore(NpgsqlDataSource dataSource) : ISigningKeyStore
{
    /// <summary>The table.</summary>
    public static readonly PostgresSchema Schema = new("signing-keys-001", """
        CREATE TABLE signing_keys (
            id text PRIMARY KEY,
            key bytea NOT NULL
        );
        """);

    /// <inheritdoc />
    public byte[] GetOrCreate(string id, int bytes)
    {
        dataSource.Execute("INSERT INTO signing_keys (id, key) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING", id, RandomNumberGenerator.GetBytes(bytes));
        return dataSource.QuerySingle("SELECT key FROM signing_keys WHERE id = $1", r => (byte[])r[0], id)!;
    }
}
