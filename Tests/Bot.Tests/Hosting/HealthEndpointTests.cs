using System.Net;
using System.Reflection;
using Cppcc.Bot.Tests.Support;
using LiteDB;
using LiteDB.Engine;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Hosting;

public sealed class HealthEndpointTests : IDisposable
{
    private readonly TempDatabase _db = new();

    [Fact]
    public async Task Healthz_is_503_with_a_reason_when_collections_cannot_be_read_though_the_header_can()
    {
        var engine = FlakyEngine.Over(new LiteEngine(new EngineSettings { Filename = _db.FilePath }));
        using var factory = new BotFactory(_db, services: s =>
        {
            s.AddSingleton<ILiteDatabase>(_ => new LiteDatabase((ILiteEngine)engine, new BsonMapper()));
        });
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        // What a broken data page looks like from above: the header (user version, pragmas) reads, every query fails.
        engine.QueriesFail = true;
        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("storage-error", (string?)body["status"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)body["reason"]));
    }

    [Fact]
    public async Task Healthz_is_503_with_a_reason_when_the_disk_of_the_database_has_less_free_space_than_required()
    {
        // More than any disk holds: the volume of the database file is "full" before any write fails.
        using var factory = new BotFactory(_db, new Dictionary<string, string?> { ["Storage:MinFreeSpaceMB"] = "2000000000" });
        var client = factory.CreateClient();

        var response = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("low-disk-space", (string?)body["status"]);
        Assert.Contains("磁盘空间不足", (string?)body["reason"]);
        Assert.Contains("2000000000 MB", (string?)body["reason"]);
    }

    [Fact]
    public async Task Healthz_is_200_while_the_disk_of_the_database_has_the_required_free_space()
    {
        using var factory = new BotFactory(_db, new Dictionary<string, string?> { ["Storage:MinFreeSpaceMB"] = "1" });

        var response = await factory.CreateClient().GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [PostgresFact]
    public async Task On_PostgreSQL_healthz_is_200_and_503_with_a_reason_once_the_server_is_gone()
    {
        var database = new Npgsql.NpgsqlConnectionStringBuilder(await TestPostgres.CreateDatabaseAsync());
        using var relay = new TcpRelay(database.Port);
        database.Host = "127.0.0.1";
        database.Port = relay.Port;
        database.Timeout = 3;
        using var factory = new BotFactory(_db, new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "PostgreSql",
            ["ConnectionStrings:PostgreSql"] = database.ConnectionString,
        });
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);

        relay.Stop();
        var cut = await client.GetAsync("/healthz");
        var refused = await client.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, cut.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        var body = JObject.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("storage-error", (string?)body["status"]);
        Assert.DoesNotContain(database.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), body.ToString());
    }

    public void Dispose() => _db.Dispose();

    /// <summary>A real LiteDB engine whose queries can be made to fail the way LiteDB fails on a damaged page.</summary>
    public class FlakyEngine : DispatchProxy
    {
        private ILiteEngine _inner = null!;

        public bool QueriesFail { get; set; }

        public static FlakyEngine Over(ILiteEngine inner)
        {
            var proxy = Create<ILiteEngine, FlakyEngine>();
            var flaky = (FlakyEngine)(object)proxy;
            flaky._inner = inner;
            return flaky;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            if (QueriesFail && targetMethod!.Name == nameof(ILiteEngine.Query))
            {
                throw new LiteException(0, "Invalid page type"); // the message LiteDB gives for a page that is not what the index says
            }

            try
            {
                return targetMethod!.Invoke(_inner, args);
            }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                throw e.InnerException;
            }
        }
    }
}
