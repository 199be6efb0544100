using Cppcc.Bot.Storage;
using Cppcc.Bot.Storage.Postgres;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Npgsql;

namespace Cppcc.Bot.Tests.Support;

/// <summary>
/// One engine for a store contract test: a temporary LiteDB file, or a fresh PostgreSQL database with the given schema
/// steps applied as at start-up. A <see cref="StoreTheoryAttribute"/> runs the same test body against both, so the two
/// implementations of a store cannot drift apart. Stores are picked and built as the bot's own registration does
/// (<see cref="StorageSelection"/>): by type, with their other dependencies from this context's services.
/// </summary>
public sealed class StoreContext : IAsyncDisposable
{
    private readonly TempDatabase? _file;
    private readonly string? _connectionString;
    private readonly PostgresSchema[] _schemas;
    private readonly Action<IServiceCollection>? _extra;
    private readonly List<NpgsqlDataSource> _otherInstances = [];
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

    /// <summary>As above, with services the store needs besides its database and clock (a later clock replaces the fake one).</summary>
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

    /// <summary>
    /// The store as each bot instance holds it: <paramref name="count"/> instances on the one PostgreSQL database, each
    /// with a data source of its own; on LiteDB the one store, since one process owns a LiteDB file. Spread the calls
    /// with <c>stores[i % stores.Count]</c> and the same test body fits both.
    /// </summary>
    public IReadOnlyList<TService> Instances<TService, TLiteDb, TPostgres>(int count)
        where TService : notnull
        where TLiteDb : TService
        where TPostgres : TService
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        var first = Store<TService, TLiteDb, TPostgres>();
        if (Provider != StorageProvider.PostgreSql)
        {
            return [first];
        }

        var stores = new List<TService> { first };
        for (var i = 1; i < count; i++)
        {
            var source = NpgsqlDataSource.Create(_connectionString!);
            _otherInstances.Add(source);
            stores.Add(ActivatorUtilities.CreateInstance<TPostgres>(_services, source));
        }

        return stores;
    }

    /// <summary>The store as two bot instances hold it; on LiteDB both are the one store.</summary>
    public (TService First, TService Second) TwoInstances<TService, TLiteDb, TPostgres>()
        where TService : notnull
        where TLiteDb : TService
        where TPostgres : TService
    {
        var stores = Instances<TService, TLiteDb, TPostgres>(2);
        return (stores[0], stores[^1]);
    }

    /// <summary>Closes the database and opens it again, as a restart of the bot does; stores made before are stale.</summary>
    public async Task ReopenAsync()
    {
        await CloseAsync();
        _services = Build();
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync();
        _file?.Dispose();
    }

    private async Task CloseAsync()
    {
        foreach (var source in _otherInstances)
        {
            await source.DisposeAsync();
        }

        _otherInstances.Clear();
        await _services.DisposeAsync();
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
