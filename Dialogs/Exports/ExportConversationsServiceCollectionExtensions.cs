using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cppcc.Dialogs.Exports;

/// <summary>Registers what conversations need to hand out download links; the host provides <see cref="IDownloadLinks"/>.</summary>
public static class ExportConversationsServiceCollectionExtensions
{
    /// <summary><see cref="PrivateDownload"/>, which every command with a download link sends its reply through.</summary>
    public static IServiceCollection AddExportConversations(this IServiceCollection services)
    {
        services.TryAddSingleton<PrivateDownload>();
        return services;
    }
}
