using Npgsql;

namespace Cppcc.Bot.Tests.Support;

/// <summary>
/// The throw-away PostgreSQL server that ./test.sh starts on 127.0.0.1 (its connection string in
/// <c>TEST_POSTGRES</c>). Each test class gets a database of its own, so parallel classes never see each other's rows.
/// </summary>
public static class TestPostgres
{
    /// <summary>The server's connection string, or null where none was started (a laptop without PostgreSQL).</summary>
    public static string? Server => Environment.GetEnvironmentVariable("TEST_POSTGRES") is { Length: > 0 } value ? value : null;

    /// <summary>Why a PostgreSQL test is skipped, or null where it can run.</summary>
    public static string? SkipReason => Server is null
        ? "no PostgreSQL test server: run ./test.sh (it starts one) or set TEST_POSTGRES to a connection string"
        : null;

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync()
    {
        var server = Server ?? throw new InvalidOperationException("TEST_POSTGRES is not set");
        var name = "test_" + Guid.NewGuid().ToString("N");
        await using (var dataSource = NpgsqlDataSource.Create(server))
        await using (var command = dataSource.CreateCommand($"CREATE DATABASE {name}"))
        {
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }
}

/// <summary>A fact that needs the PostgreSQL test server; skipped, saying why, where there is none.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute() => Skip = TestPostgres.SkipReason;
}

/// <summary>A theory that needs the PostgreSQL test server; skipped, saying why, where there is none.</summary>
public sealed class PostgresTheoryAttribute : TheoryAttribute
{
    public PostgresTheoryAttribute() => Skip = TestPostgres.SkipReason;
}

