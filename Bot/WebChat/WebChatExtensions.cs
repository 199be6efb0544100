using Cppcc.Bot.Hosting;
using Cppcc.Bot.Storage;
using Cppcc.Bot.Storage.Postgres;
using Cppcc.Bot.WebChat.Postgres;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Cppcc.Bot.WebChat;

/// <summary>Registration and endpoints of the public web chat.</summary>
public static class WebChatExtensions
{
    private const string SigningKeyName = "directline-token";

    /// <summary>
    /// The public web chat: Direct Line endpoints, the in-process Connector for their conversations and the
    /// idle clean-up. Call after AddRoles and AddBotHosting: it wraps their ICallerResolver and BotFrameworkAuthentication
    /// (<see cref="RegistrationOrder"/> stops the start otherwise). Registered even
    /// with WebChat:Enabled false, so proactive messages to earlier web chat visitors still fail cleanly (404).
    /// </summary>
    public static IServiceCollection AddWebChat(this IServiceCollection services)
    {
        services.AddOptions<WebChatOptions>().BindConfiguration(WebChatOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => string.IsNullOrWhiteSpace(o.TokenSigningKey) || KeyBytes(o.TokenSigningKey) is { Length: >= WebChatSigningKey.MinimumBytes },
                $"WebChat:TokenSigningKey must be base64 of at least {WebChatSigningKey.MinimumBytes} bytes.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSigningKeyStore();
        // The key lives in the bot's store: with PostgreSQL every instance signs and checks tokens with the same one.
        services.AddSingleton(sp => new WebChatSigningKey(
            KeyBytes(sp.GetRequiredService<IOptions<WebChatOptions>>().Value.TokenSigningKey)
            ?? sp.GetRequiredService<ISigningKeyStore>().GetOrCreate(SigningKeyName, WebChatSigningKey.MinimumBytes)));
        services.AddSingleton<DirectLineTokens>();
        // With PostgreSQL, conversations and their activities are shared by every instance, and appends on one wake the
        // streams on the others (LISTEN/NOTIFY); with LiteDB they live in this process.
        services.AddPostgresSchema(PostgresWebChatSchema.Id, PostgresWebChatSchema.Sql);
        services.AddSingleton(sp => new WebChatConversations(
            sp.GetRequiredService<IOptions<WebChatOptions>>(), sp.GetRequiredService<TimeProvider>(),
            StorageSelection.UsesPostgres(sp) ? ActivatorUtilities.CreateInstance<PostgresWebChatDirectory>(sp) : null));
        services.AddSingleton<IWebChatActivityLog>(sp => StorageSelection.UsesPostgres(sp)
            ? ActivatorUtilities.CreateInstance<PostgresWebChatLog>(sp)
            : new WebChatMemoryLog());
        services.AddHostedService(sp => new WebChatNotifications(
            StorageSelection.UsesPostgres(sp) ? sp.GetRequiredService<NpgsqlDataSource>() : null,
            sp.GetRequiredService<WebChatConversations>(), sp.GetRequiredService<ILogger<WebChatNotifications>>()));
        services.AddSingleton<WebChatRateLimits>();
        services.AddSingleton<WebChatTranscript>();
        services.AddSingleton<WebChatTurns>();
        services.AddSingleton<AzureDirectLine>();
        services.AddHttpClient(AzureDirectLine.HttpClientName, client => client.Timeout = TimeSpan.FromSeconds(10));
        services.AddHostedService<WebChatJanitor>();

        var callers = services.Wrapped<ICallerResolver>(nameof(AddWebChat), "AddRoles");
        services.Remove(callers);
        services.AddSingleton<AzureVisitorAddresses>();
        services.AddSingleton<ICallerResolver>(sp => new WebChatCallers(
            Resolve<ICallerResolver>(sp, callers), sp.GetRequiredService<WebChatConversations>(), sp.GetRequiredService<AzureVisitorAddresses>()));

        var inner = services.Wrapped<BotFrameworkAuthentication>(nameof(AddWebChat), "AddBotHosting");
        services.Remove(inner);
        services.AddSingleton<BotFrameworkAuthentication>(sp => new WebChatAuthentication(
            Resolve<BotFrameworkAuthentication>(sp, inner),
            new WebChatConnectorClient(sp.GetRequiredService<WebChatConversations>(), sp.GetRequiredService<WebChatTranscript>())));
        return services;
    }

    /// <summary>The page at / (wwwroot) and the Direct Line subset at /v3/directline, when WebChat:Enabled.</summary>
    public static WebApplication MapWebChat(this WebApplication app)
    {
        if (!app.Services.GetRequiredService<IOptions<WebChatOptions>>().Value.Enabled)
        {
            return app;
        }

        app.UseWebSockets();
        new WebChatPageFiles(new PhysicalFileProvider(PageFolder(app.Environment.ContentRootPath))).Use(app);
        app.MapDirectLine();
        return app;
    }

    /// <summary>
    /// The page's folder: the content root's wwwroot (tests, published app), else the copy next to the binaries, since
    /// "dotnet run --project Bot" runs from the repository root (docs/contract.md, Commands).
    /// </summary>
    private static string PageFolder(string contentRoot)
    {
        var beside = Path.Combine(contentRoot, "wwwroot");
        return File.Exists(Path.Combine(beside, "index.html")) ? beside : Path.Combine(AppContext.BaseDirectory, "wwwroot");
    }

    private static byte[]? KeyBytes(string? base64)
    {
        var bytes = new byte[((base64?.Length ?? 0) * 3 / 4) + 3];
        return !string.IsNullOrWhiteSpace(base64) && Convert.TryFromBase64String(base64, bytes, out var written) ? bytes[..written] : null;
    }

    private static T Resolve<T>(IServiceProvider services, ServiceDescriptor descriptor) where T : class =>
        (T)(descriptor.ImplementationInstance
            ?? descriptor.ImplementationFactory?.Invoke(services)
            ?? ActivatorUtilities.CreateInstance(services, descriptor.ImplementationType!));
}
