using LiteDB;
using Microsoft.Bot.Builder;
using Cppcc.Bot.Hosting;

namespace Cppcc.Bot.Storage;

/// <summary>Registers the LiteDB file and the bot state on it.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>One <see cref="LiteDatabase"/> per process (direct mode), the bot <see cref="IStorage"/>, conversation and user state.</summary>
    public static IServiceCollection AddBotStorage(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>().BindConfiguration(StorageOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path), "Storage:Path must name a file.")
            .ValidateOnStart();
        services.AddSingleton<ILiteDatabase>(sp =>
        {
            var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<StorageOptions>>().Value;
            var path = AppPaths.Resolve(sp.GetRequiredService<IHostEnvironment>().ContentRootPath, options.Path);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            // A mapper of its own: BsonMapper.Global would be shared by every database in the process (test hosts).
            return new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct }, new BsonMapper());
        });
        services.AddSingleton<IStorage, LiteDbStorage>();
        services.AddSingleton<ConversationState>();
        services.AddSingleton<UserState>();
        return services;
    }
}
