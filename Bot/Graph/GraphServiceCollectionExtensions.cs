using Azure.Core;
using Azure.Identity;
using Cppcc.Bot.Roles;
using Cppcc.Bot.Storage;
using Cppcc.Bot.Storage.Postgres;
using Microsoft.Extensions.Options;
using Microsoft.Graph;
using Microsoft.Kiota.Authentication.Azure;

namespace Cppcc.Bot.Graph;

public static class GraphServiceCollectionExtensions
{
    /// <summary>Optional Microsoft Graph: member and staff sync from Entra groups, Teams app installs and sessions in members' Outlook calendars. Inert without Graph:* settings.</summary>
    public static IServiceCollection AddGraph(this IServiceCollection services)
    {
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.Section)
            .Validate(o => o.BaseUrl.Length == 0 || Uri.TryCreate(o.BaseUrl, UriKind.Absolute, out _), "Graph:BaseUrl must be an absolute URL.")
            .Validate(o => o.SyncInterval >= TimeSpan.FromSeconds(1), "Graph:SyncInterval is too short.")
            .ValidateOnStart();
        services.AddSingleton<TokenCredential>(sp =>
        {
            var o = sp.GetRequiredService<IOptions<GraphOptions>>().Value;
            return new ClientSecretCredential(o.TenantId, o.ClientId, o.ClientSecret);
        });
        services.AddSingleton(sp =>
        {
            var baseUrl = sp.GetRequiredService<IOptions<GraphOptions>>().Value.EffectiveBaseUrl;
            // The token goes only to the configured Graph host (Kiota's allow-list; its default knows only the public clouds).
            var auth = new AzureIdentityAuthenticationProvider(sp.GetRequiredService<TokenCredential>(),
                allowedHosts: [new Uri(baseUrl).Host], scopes: [new Uri(baseUrl).GetLeftPart(UriPartial.Authority) + "/.default"]);
            return new GraphServiceClient(sp.GetRequiredService<IHttpClientFactory>().CreateClient("graph"), auth, baseUrl);
        });
        services.AddSingleton<GraphDirectory>();
        services.AddSingleton<GraphStaff>();
        services.AddSingleton<IPostConfigureOptions<StaffOptions>>(sp => sp.GetRequiredService<GraphStaff>());
        services.AddSingleton<GraphSync>();
        services.AddHostedService<GraphSyncWorker>();
        services.AddPostgresSchema(PostgresCalendarEntryStore.Schema).AddStore<ICalendarEntryStore, CalendarEntryStore, PostgresCalendarEntryStore>();
        services.AddSingleton<GraphCalendar>();
        services.AddSingleton<CalendarSync>();
        services.AddHostedService<CalendarSyncWorker>();
        return services;
    }
}
