using Cppcc.Bot.Hosting;
using Cppcc.Bot.Storage.Postgres;
using Cppcc.Bot.Tests.Support;

namespace Cppcc.Bot.Tests.Storage;

public sealed class PostgresStartupTests
{
    private static readonly PostgresSchema[] Steps =
    [
        new("test-001", "CREATE TABLE counted (id int PRIMARY KEY)"),
        new("test-002", "INSERT INTO counted VALUES (1)"),
    ];

    [PostgresFact]
    public async Task Instances_starting_together_apply_each_schema_step_once()
    {
        var connection = await TestPostgres.CreateDatabaseAsync();

        var opened = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => PostgresStartup.Open(connection, Steps))));

        await using var count = opened[0].CreateCommand("SELECT count(*) FROM counted");
        Assert.Equal(1L, await count.ExecuteScalarAsync());
        await using var steps = opened[0].CreateCommand("SELECT count(*) FROM schema_migrations WHERE id LIKE 'test-%'");
        Assert.Equal(2L, await steps.ExecuteScalarAsync());
        foreach (var dataSource in opened)
        {
            await dataSource.DisposeAsync();
        }
    }

    [PostgresFact]
    public async Task A_later_start_applies_only_the_new_step()
    {
        var connection = await TestPostgres.CreateDatabaseAsync();
        (await Task.Run(() => PostgresStartup.Open(connection, Steps))).Dispose();

        await using var dataSource = PostgresStartup.Open(connection, [.. Steps, new("test-003", "INSERT INTO counted VALUES (3)")]);

        await using var ids = dataSource.CreateCommand("SELECT string_agg(id::text, ',' ORDER BY id) FROM counted");
        Assert.Equal("1,3", await ids.ExecuteScalarAsync());
    }

    [Fact]
    public void An_unreachable_server_is_one_line_that_names_the_setting_and_not_the_password()
    {
        var port = ClosedPort();

        var problem = Assert.Throws<StartupProblem>(() => PostgresStartup.Open(
            $"Host=127.0.0.1;Port={port};Username=bot;Password=s3cret-pw;Database=cppcc;Timeout=3", Steps));

        Assert.Equal(StartupExitCode.StorageUnreadable, problem.ExitCode);
        Assert.Contains("ConnectionStrings__PostgreSql", problem.Message);
        Assert.Contains($"127.0.0.1:{port}/cppcc", problem.Message);
        Assert.DoesNotContain("s3cret-pw", problem.Message);
        Assert.DoesNotContain('\n', problem.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Host=127.0.0.1;Nonsense Key=1")]
    public void A_missing_or_malformed_connection_string_is_a_configuration_problem(string connection)
    {
        var problem = Assert.Throws<StartupProblem>(() => PostgresStartup.Open(connection, Steps));

        Assert.Equal(StartupExitCode.Configuration, problem.ExitCode);
        Assert.Contains("ConnectionStrings", problem.Message);
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
