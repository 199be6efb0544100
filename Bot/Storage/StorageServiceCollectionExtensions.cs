using Cppcc.Bot.Hosting;
using Cppcc.Bot.Storage.Postgres;
using LiteDB;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Cppcc.Bot.Storage;

/// <summary>Registers the LiteDB file and the bot state on it.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// The engine chosen by <c>Storage:Provider</c>: one <see cref="LiteDatabase"/> per process (direct mode) behind a
    /// <see cref="DatabaseLock"/>, or a pooled <see cref="NpgsqlDataSource"/>; the bot <see cref="IStorage"/>,
    /// conversation and user state.
    /// </summary>
    public static IServiceCollection AddBotStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path), "Storage:Path must name a file.")
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            var path = AppPaths.Resolve(sp.GetRequiredService<IHostEnvironment>().ContentRootPath, options.Path);
            return StorageStartup.Lock(path);
        });
        // The lock is resolved first, so the container disposes it after the database: the journal is written back
        // into the file while the lock is still held.
        services.AddSingleton<ILiteDatabase>(sp => StorageStartup.Open(sp.GetRequiredService<DatabaseLock>()));
        services.AddSingleton<FreeDiskSpace>();
        // PostgreSQL: one pooled data source per process, its schema brought up to date before the first store uses it.
        services.AddSingleton(sp => PostgresStartup.Open(
            sp.GetRequiredService<IConfiguration>().GetConnectionString(StorageOptions.PostgreSqlConnectionName),
            sp.GetServices<PostgresSchema>()));
        services.AddPostgresSchema(PostgresStorage.Schema);
        services.AddStore<IStorage, LiteDbStorage, PostgresStorage>();
        services.AddSingleton<StorageWatchdog>();
        services.AddHostedService(sp => sp.GetRequiredService<StorageWatchdog>());
        services.AddSingleton<ConversationState>();
        services.AddSingleton<UserState>();
        return services.AddSigningKeyStore();
    }

    /// <summary>The signing key store on the configured engine; safe to call more than once (web chat and exports do).</summary>
    public static IServiceCollection AddSigningKeyStore(this IServiceCollection services)
    {
        if (services.All(d => d.ServiceType != typeof(ISigningKeyStore)))
        {
            services.AddPostgresSchema(PostgresSigningKeyStore.Schema);
            services.AddStore<ISigningKeyStore, SigningKeyStore, PostgresSigningKeyStore>();
        }

        return services;
    }
}
