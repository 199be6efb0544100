using Microsoft.Extensions.Options;

namespace Cppcc.Bot.Storage;

/// <summary>
/// Registers a store once per engine: the implementation is chosen from <c>Storage:Provider</c> when the store is
/// first needed, so a LiteDB bot never opens PostgreSQL and a PostgreSQL bot never creates a LiteDB file.
/// </summary>
public static class StorageSelection
{
    /// <summary>Registers <typeparamref name="TService"/> as <typeparamref name="TLiteDb"/> or <typeparamref name="TPostgres"/>.</summary>
    public static IServiceCollection AddStore<TService, TLiteDb, TPostgres>(this IServiceCollection services)
        where TService : class
        where TLiteDb : class, TService
        where TPostgres : class, TService
    {
        services.AddSingleton<TService>(sp => UsesPostgres(sp)
            ? ActivatorUtilities.CreateInstance<TPostgres>(sp)
            : ActivatorUtilities.CreateInstance<TLiteDb>(sp));
        return services;
    }

    /// <summary>True when this process stores its data in PostgreSQL.</summary>
    public static bool UsesPostgres(IServiceProvider services)
        => services.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.PostgreSql;
}
