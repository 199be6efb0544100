using Npgsql;

namespace Cppcc.Benchmarks.Turns;

/// <summary>The PostgreSQL side of the benchmark: fresh databases, and report filings as load.</summary>
public static class PostgresBench
{
    /// <summary>Marks a run whose turns are report filings instead of a text.</summary>
    public const string Filing = "<report.submit>";

    /// <summary>Creates an empty database on the server and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string server)
    {
        var name = "bench_" + Guid.NewGuid().ToString("N");
        await using (var dataSource = NpgsqlDataSource.Create(server))
        await using (var command = dataSource.CreateCommand($"CREATE DATABASE {name}"))
        {
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    public static string TextOf(string run) => run == Filing ? "" : run;

    /// <summary>
    /// A report.submit per turn, with its own random text: the same text again would be refused as a repeated submission
    /// without reaching the store.
    /// </summary>
    public static Func<int, int, string>? ValueOf(string run) => run != Filing ? null : (conversation, turn) =>
    {
        var random = new Random(HashCode.Combine(conversation, turn, Environment.TickCount));
        string Words(int length) => new(Enumerable.Range(0, length).Select(_ => (char)random.Next(0x4E00, 0x9FA5)).ToArray());
        return $$"""{"action":"report.submit","kind":"report","title":"{{Words(20)}}","category":"教育","content":"{{Words(200)}}","suggestion":"{{Words(50)}}","anonymous":"false"}""";
    };
}
