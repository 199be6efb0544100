using Cppcc.Bot.Storage;
using Cppcc.Dialogs.Exports;

namespace Cppcc.Bot.Exports;

/// <summary>Registers staff download links: signing, <see cref="IDownloadLinks"/> and <c>GET /exports/{token}</c>.</summary>
public static class ExportsServiceCollectionExtensions
{
    /// <summary>Adds the links and the endpoint; features add their files as <see cref="IExportSource"/>.</summary>
    public static IServiceCollection AddExports(this IServiceCollection services)
    {
        services.AddOptions<ExportsOptions>().BindConfiguration(ExportsOptions.Section)
            .Validate(o => o.ExportLinkLifetime > TimeSpan.Zero, "Reports:ExportLinkLifetime must be positive.")
            .ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddSigningKeyStore();
        services.AddSingleton<ExportTokens>();
        services.AddSingleton<IDownloadLinks, DownloadLinks>();
        services.AddTransient<IStartupFilter, ExportsStartupFilter>();
        services.AddExportConversations();
        return services;
    }

    /// <summary>Mounts the downloads without touching Program.cs's endpoint list.</summary>
    private sealed class ExportsStartupFilter : IStartupFilter
    {
        /// <inheritdoc />
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map(DownloadLinks.PathPrefix, branch => branch.Run(ExportEndpoint.HandleAsync));
            next(app);
        };
    }
}
