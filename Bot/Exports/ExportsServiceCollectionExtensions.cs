using Cppcc.Bot.Storage;
using Cppcc.Dialogs.Exports;

namespace Cppcc.Bot.Exports;

/// <summary>Registers staff download links (signing, <see cref="IDownloadLinks"/>) and maps <c>GET /exports/{token}</c>.</summary>
public static class ExportsServiceCollectionExtensions
{
    /// <summary>Adds the links; features add their files as <see cref="IExportSource"/>.</summary>
    public static IServiceCollection AddExports(this IServiceCollection services)
    {
        services.AddOptions<ExportsOptions>().BindConfiguration(ExportsOptions.Section)
            .Validate(o => o.ExportLinkLifetime > TimeSpan.Zero, "Reports:ExportLinkLifetime must be positive.")
            .ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddSigningKeyStore();
        services.AddSingleton<ExportTokens>();
        services.AddSingleton<IDownloadLinks, DownloadLinks>();
        services.AddExportConversations();
        return services;
    }

    /// <summary>Maps <c>GET /exports/{token}</c> (any other method gets 405 from the endpoint itself).</summary>
    public static IEndpointRouteBuilder MapExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.Map(DownloadLinks.PathPrefix + "/{**" + ExportEndpoint.TokenRouteValue + "}", ExportEndpoint.HandleAsync);
        return endpoints;
    }
}
