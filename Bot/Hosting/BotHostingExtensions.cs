using Cppcc.Dialogs;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.Hosting;

/// <summary>Registers the Bot Framework host and maps its endpoints.</summary>
public static class BotHostingExtensions
{
    /// <summary>CloudAdapter + ConfigurationBotFrameworkAuthentication (auth off when MicrosoftAppId is empty), the bot and its dialogs.</summary>
    public static IServiceCollection AddBotHosting(this IServiceCollection services)
    {
        services.AddOptions<HostingOptions>().BindConfiguration(HostingOptions.Section)
            .Validate(o => o.MaxActivityBytes >= 16 * 1024, "Hosting:MaxActivityBytes must be at least 16 KiB.")
            .Validate(o => o.AllowUnauthenticatedFrom.All(UnauthenticatedCallers.IsNetwork),
                "Hosting:AllowUnauthenticatedFrom must list networks in CIDR notation, e.g. 10.8.0.0/16.")
            .Validate(o => o.OpenIdMetadataTimeout > TimeSpan.Zero && o.OpenIdMetadataTimeout <= TimeSpan.FromSeconds(30),
                "Hosting:OpenIdMetadataTimeout must be between 0 and 00:00:30.")
            .Validate(o => o.OpenIdMetadataRetryAfter >= TimeSpan.Zero, "Hosting:OpenIdMetadataRetryAfter must not be negative.")
            .ValidateOnStart();
        services.AddTrustedProxies();
        services.AddHttpClient();
        services.AddHttpClient(SigningKeySources.HttpClientName);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<UnauthenticatedCallers>();
        services.AddSingleton<BotFrameworkAuthentication>(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            var hosting = sp.GetRequiredService<IOptions<HostingOptions>>().Value;
            var metadata = new HttpClient(new SharedMetadataHandler(
                sp.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(SigningKeySources.HttpClientName),
                hosting.OpenIdMetadataTimeout, hosting.OpenIdMetadataRetryAfter, sp.GetRequiredService<TimeProvider>(),
                sp.GetRequiredService<ILoggerFactory>().CreateLogger<SharedMetadataHandler>()));
            SigningKeySources.Route(configuration, metadata);
            // MSAL's own client waits 100 s per attempt when the token endpoint never answers; bound it.
            var msalHttp = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            return new ConfigurationBotFrameworkAuthentication(configuration,
                credentialsFactory: new ConfigurationServiceClientCredentialFactory(configuration, msalHttp),
                httpClientFactory: sp.GetRequiredService<IHttpClientFactory>(),
                logger: sp.GetRequiredService<ILogger<BotFrameworkAuthentication>>());
        });
        services.AddSingleton<AdapterWithErrorHandler>();
        services.AddSingleton<CloudAdapter>(sp => sp.GetRequiredService<AdapterWithErrorHandler>());
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<AdapterWithErrorHandler>());
        services.AddConversationDialogs();
        return services;
    }

    /// <summary>Maps <c>POST /api/messages</c> and <c>GET /healthz</c>.</summary>
    public static IEndpointRouteBuilder MapBotEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/api/messages", MessagesEndpoint.HandleAsync);
        endpoints.MapGet("/healthz", HealthEndpoint.Handle);
        return endpoints;
    }
}
