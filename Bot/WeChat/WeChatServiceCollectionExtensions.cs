using Cppcc.Bot.Delivery;
using Cppcc.Bot.Exports;
using Cppcc.Bot.Hosting;
using Cppcc.Bot.Storage;
using Cppcc.Bot.Storage.Postgres;
using Cppcc.Dialogs.WeChat;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.WeChat;

/// <summary>Registration, endpoint and command of the WeChat official account channel.</summary>
public static class WeChatServiceCollectionExtensions
{
    /// <summary>
    /// The WeChat channel. Call after AddDelivery: it puts WeChat conversations on the delivery engine's channel.
    /// Registered even when off, so notices to earlier WeChat users end cleanly (failed, kept for their next visit).
    /// </summary>
    public static IServiceCollection AddWeChat(this IServiceCollection services)
    {
        services.AddOptions<WeChatOptions>().BindConfiguration(WeChatOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.Enabled || (string.IsNullOrWhiteSpace(o.AppId) && string.IsNullOrWhiteSpace(o.AppSecret) && string.IsNullOrWhiteSpace(o.Token)),
                "WeChat:AppId, WeChat:AppSecret and WeChat:Token must be set together.")
            .Validate(o => !o.SafeMode || WeChatCrypto.KeyFrom(o.EncodingAESKey) is not null,
                "WeChat:EncodingAESKey must be the 43-character key from the official account's server settings.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(WeChatAccessTokens.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddPostgresSchema(PostgresWeChatTokenStore.Schema).AddStore<IWeChatTokenStore, WeChatTokenStore, PostgresWeChatTokenStore>();
        services.AddSingleton<WeChatAccessTokens>();
        services.AddSingleton<WeChatApiClient>();
        services.AddPostgresSchema(PostgresWeChatUserStore.Schema).AddStore<IWeChatUserStore, WeChatUserStore, PostgresWeChatUserStore>();
        services.AddPostgresSchema(PostgresWeChatImageStore.Schema).AddStore<IWeChatImageStore, WeChatImageStore, PostgresWeChatImageStore>();
        services.AddSingleton<WeChatImages>();
        services.AddSingleton<IWeChatImages>(sp => sp.GetRequiredService<WeChatImages>());
        services.AddSingleton<WeChatSender>();
        services.AddPostgresSchema(PostgresWeChatCallbackStore.Schema).AddStore<IWeChatCallbackStore, WeChatCallbackStore, PostgresWeChatCallbackStore>();
        services.AddSingleton<WeChatMessageLedger>();
        services.AddSingleton<WeChatReplayGuard>();
        services.AddSingleton<WeChatAdapter>();
        services.AddSingleton<WeChatEndpoint>();
        services.AddSingleton<WeChatMenu>();
        services.AddSingleton<IExportSource, WeChatImageExport>();
        services.AddWeChatConversations();

        var inner = services.Wrapped<IDeliveryChannel>(nameof(AddWeChat), "AddDelivery");
        services.Remove(inner);
        services.AddSingleton<IDeliveryChannel>(sp => new WeChatDeliveryChannel(
            Resolve<IDeliveryChannel>(sp, inner), new Lazy<WeChatAdapter>(sp.GetRequiredService<WeChatAdapter>)));
        return services;
    }

    /// <summary>GET and POST <c>/api/wechat</c>, when WeChat:AppId, AppSecret and Token are set.</summary>
    public static WebApplication MapWeChat(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<WeChatOptions>>().Value.Enabled)
        {
            return app;
        }

        app.MapGet(WeChatEndpoint.Path, (WeChatEndpoint endpoint, string? signature, string? timestamp, string? nonce, string? echostr) =>
            endpoint.Verify(signature, timestamp, nonce, echostr));
        app.MapPost(WeChatEndpoint.Path, (HttpContext http, WeChatEndpoint endpoint) => endpoint.HandleAsync(http));
        return app;
    }

    /// <summary>
    /// <c>Cppcc.Bot wechat-menu</c>: publishes the custom menu and exits (true); any other arguments start the bot (false).
    /// </summary>
    public static async Task<bool> RunWeChatCommandAsync(this WebApplication app, string[] args)
    {
        if (args is not ["wechat-menu", ..])
        {
            return false;
        }

        if (!app.Services.GetRequiredService<IOptions<WeChatOptions>>().Value.Enabled)
        {
            Console.Error.WriteLine("WeChat is not configured: set WeChat:AppId, WeChat:AppSecret and WeChat:Token.");
            Environment.ExitCode = 2;
            return true;
        }

        try
        {
            await app.Services.GetRequiredService<WeChatMenu>().PublishAsync(CancellationToken.None);
            Console.WriteLine("WeChat menu published: 提出建议 / 查询进度 / 常见问题");
        }
        catch (Exception e) when (e is WeChatApiException or HttpRequestException or TaskCanceledException)
        {
            Console.Error.WriteLine("WeChat refused the menu: " + e.Message);
            Environment.ExitCode = 1;
        }

        return true;
    }

    private static T Resolve<T>(IServiceProvider services, ServiceDescriptor descriptor) where T : class =>
        (T)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
