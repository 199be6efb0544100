using System.Net.Sockets;
using Cppcc.Bot.Hosting;
using Npgsql;

namespace Cppcc.Bot.Storage.Postgres;

/// <summary>
/// Connecting to PostgreSQL at start-up and bringing its schema up to date. Every instance runs this; an advisory lock
/// makes them take turns, so two instances starting together apply each step once. Refusals are one
/// <see cref="StartupProblem"/> line that names the setting and never the password.
/// </summary>
public static class PostgresStartup
{
    // Any constant shared by every instance of this bot; it only has to differ from other applications' locks.
    private const long SchemaLockKey = 0x43505043_43424F54; // "CPPCCBOT"

    // Pool threads ready for turns blocked on queries (see ReserveThreadsForBlockingQueries).
    private const int BlockingQueryThreads = 64;

    /// <summary>Builds the data source, checks that it connects, and applies missing schema steps.</summary>
    public static NpgsqlDataSource Open(string? connectionString, IEnumerable<PostgresSchema> schemas)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new StartupProblem(StartupExitCode.Configuration,
                "配置无效：Storage:Provider 为 PostgreSql 时必须设置 ConnectionStrings:PostgreSql（环境变量 ConnectionStrings__PostgreSql）。" +
                "Invalid configuration: ConnectionStrings:PostgreSql is required.");
        }

        NpgsqlDataSource dataSource;
        try
        {
            dataSource = NpgsqlDataSource.Create(connectionString);
        }
        catch (ArgumentException e)
        {
            throw new StartupProblem(StartupExitCode.Configuration,
                $"配置无效：ConnectionStrings:PostgreSql 不是有效的连接字符串（{e.Message.ReplaceLineEndings(" ")}）。Invalid configuration.");
        }

        try
        {
            Migrate(dataSource, schemas.ToList());
            ReserveThreadsForBlockingQueries();
            return dataSource;
        }
        catch (Exception e) when (e is NpgsqlException or SocketException or TimeoutException)
        {
            dataSource.Dispose();
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            throw new StartupProblem(StartupExitCode.StorageUnreadable,
                $"无法使用 PostgreSQL 数据库 {builder.Host}:{builder.Port}/{builder.Database}：{e.Message.ReplaceLineEndings(" ")}。" +
                "请检查 ConnectionStrings__PostgreSql 和数据库服务。Cannot use the PostgreSQL database.");
        }
    }

    // REVIEW: the stores call Npgsql synchronously, so each query holds a pool thread while it waits on the network.
    // Past its minimum the pool adds about one thread a second; a burst of turns (64 filings at once through two
    // instances) then waited so long for threads that opening new connections timed out. Enough threads up front keep
    // a burst at the database's speed, until the stores become asynchronous.
    private static void ReserveThreadsForBlockingQueries()
    {
        ThreadPool.GetMinThreads(out var workers, out var completionPorts);
        ThreadPool.SetMinThreads(Math.Max(workers, BlockingQueryThreads), completionPorts);
    }

    private static void Migrate(NpgsqlDataSource dataSource, IReadOnlyList<PostgresSchema> schemas)
    {
        using var connection = dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        Execute(connection, transaction, $"SELECT pg_advisory_xact_lock({SchemaLockKey})");
        Execute(connection, transaction,
            "CREATE TABLE IF NOT EXISTS schema_migrations (id text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())");

        var applied = new HashSet<string>(StringComparer.Ordinal);
        using (var read = new NpgsqlCommand("SELECT id FROM schema_migrations", connection, transaction))
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
            {
                applied.Add(reader.GetString(0));
            }
        }

        foreach (var schema in schemas.Where(s => !applied.Contains(s.Id)))
        {
            Execute(connection, transaction, schema.Sql);
            using var record = new NpgsqlCommand("INSERT INTO schema_migrations (id) VALUES ($1)", connection, transaction);
            record.Parameters.AddWithValue(schema.Id);
            record.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static void Execute(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
    }
}
