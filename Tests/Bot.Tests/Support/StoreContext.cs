using System.Reflection;
using Cppcc.Bot.Storage;
using Cppcc.Bot.Storage.Postgres;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Xunit.Sdk;

namespace Cppcc.Bot.Tests.Support;

/// <summary>
/// One engine for a store contract test: a temporary LiteDB file, or a fresh PostgreSQL database with the given schema
/// steps applied as at start-up. The same test body then runs against both, so the two implementations of a store
/// cannot drift apart.
/// </summary>
public sealed class StoreContext : IAsyncDisposable
{
    private readonly TempDatabase? _file;
    private readonly string? _connectionString;
    private readonly PostgresSchema[] _schemas;
    private readonly Action<IServiceCollection>? _extra;
    private ServiceProvider _services;

    private StoreContext(StorageProvider provider, TempDatabase? file, string? connectionString, PostgresSchema[] schemas, Action<IServiceCollection>? extra)
    {
        Provider = provider;
        _file = file;
        _connectionString = connectionString;
        _schemas = schemas;
        _extra = extra;
        _services = Build();
    }

    public StorageProvider Provider { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero));

    /// <summary>The PostgreSQL database (only on that engine), for looking at the rows a store wrote.</summary>
    public NpgsqlDataSource Postgres => _services.GetRequiredService<NpgsqlDataSource>();

    /// <summary>The LiteDB database (only on that engine).</summary>
    public ILiteDatabase LiteDb => _services.GetRequiredService<ILiteDatabase>();

    public static async Task<StoreContext> CreateAsync(StorageProvider provider, params PostgresSchema[] schemas)
        => await CreateAsync(provider, null, schemas);

    /// <summary>As above, with services the store needs besides its database and clock.</summary>
    public static async Task<StoreContext> CreateAsync(StorageProvider provider, Action<IServiceCollection>? extra, params PostgresSchema[] schemas)
        => provider == StorageProvider.PostgreSql
            ? new StoreContext(provider, null, await TestPostgres.CreateDatabaseAsync(), schemas, extra)
            : new StoreContext(provider, new TempDatabase(), null, schemas, extra);

    /// <summary>The store of this engine: <typeparamref name="TLiteDb"/> or <typeparamref name="TPostgres"/>.</summary>
    public TService Store<TService, TLiteDb, TPostgres>()
        where TService : notnull
        where TLiteDb : TService
        where TPostgres : TService
        => Provider == StorageProvider.PostgreSql
            ? ActivatorUtilities.CreateInstance<TPostgres>(_services)
            : ActivatorUtilities.CreateInstance<TLiteDb>(_services);

    /// <summary>Closes the database and opens it again, as a restart of the bot does; stores made before are stale.</summary>
    public async Task ReopenAsync()
    {
        await _services.DisposeAsync();
        _services = Build();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _file?.Dispose();
    }

    private ServiceProvider Build()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        if (_file is not null)
        {
            services.AddSingleton<ILiteDatabase>(_ => _file.Open());
        }
        else
        {
            services.AddSingleton(_ => PostgresStartup.Open(_connectionString, _schemas));
        }

        _extra?.Invoke(services);
        return services.BuildServiceProvider();
    }
}

/// <summary>The PostgreSQL row of a store contract theory; skipped, saying why, where there is no test server.</summary>
public sealed class PostgresDataAttribute : DataAttribute
{
    private readonly object[] _extra;

    public PostgresDataAttribute(params object[] extra)
    {
        _extra = extra;
        if (TestPostgres.Server is null)
        {
            Skip = "no PostgreSQL test server: run ./test.sh (it starts one) or set TEST_POSTGRES to a connection string";
        }
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[StorageProvider.PostgreSql, .. _extra]];
}
