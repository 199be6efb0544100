using Cppcc.Bot.Storage;
using Cppcc.Bot.Storage.Postgres;
using LiteDB;
using Npgsql;

namespace Cppcc.Bot.Tests.Support;

/// <summary>
/// One engine for a store contract test: a fresh LiteDB file, or a fresh PostgreSQL database with the store's schema
/// applied as start-up does. <see cref="Instances"/> gives the store as each of two bot instances would hold it: two
/// data sources on one PostgreSQL database, or twice the one LiteDB store (one process owns a LiteDB file).
/// </summary>
public sealed class StoreEngine : IAsyncDisposable
{
    private readonly TempDatabase? _file;
    private readonly LiteDatabase? _lite;
    private readonly List<NpgsqlDataSource> _sources = [];

    private StoreEngine(StorageProvider provider, TempDatabase? file, string? connection)
    {
        Provider = provider;
        _file = file;
        _lite = file?.Open();
        Connection = connection;
    }

    public StorageProvider Provider { get; }

    /// <summary>The PostgreSQL database's connection string (null on LiteDB).</summary>
    public string? Connection { get; }

    public static async Task<StoreEngine> StartAsync(StorageProvider provider, params PostgresSchema[] schemas)
    {
        if (provider == StorageProvider.LiteDb)
        {
            return new StoreEngine(provider, new TempDatabase(), null);
        }

        var connection = await TestPostgres.CreateDatabaseAsync();
        var engine = new StoreEngine(provider, null, connection);
        engine._sources.Add(PostgresStartup.Open(connection, schemas));
        return engine;
    }

    /// <summary>The store on this engine.</summary>
    public T Create<T>(Func<ILiteDatabase, T> liteDb, Func<NpgsqlDataSource, T> postgres)
        => _lite is not null ? liteDb(_lite) : postgres(_sources[0]);

    /// <summary>The store as two instances of the bot hold it.</summary>
    public (T First, T Second) Instances<T>(Func<ILiteDatabase, T> liteDb, Func<NpgsqlDataSource, T> postgres)
        where T : class
    {
        if (_lite is not null)
        {
            var only = liteDb(_lite);
            return (only, only);
        }

        var second = NpgsqlDataSource.Create(Connection!);
        _sources.Add(second);
        return (postgres(_sources[0]), postgres(second));
    }

    public async ValueTask DisposeAsync()
    {
        _lite?.Dispose();
        _file?.Dispose();
        foreach (var source in _sources)
        {
            await source.DisposeAsync();
        }
    }
}
