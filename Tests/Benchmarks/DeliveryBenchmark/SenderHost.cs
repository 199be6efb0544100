using Cppcc.Bot.Delivery;
using Cppcc.Bot.Proactive;
using LiteDB;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Cppcc.Benchmarks.Delivery;

/// <summary>The engine as the bot runs it: AddDelivery() + the real CloudAdapter/ConnectorClient, auth off.</summary>
public static class SenderHost
{
    public static IHost Build(string dbPath, int messagesPerSecond, LogLevel logLevel = LogLevel.Warning)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Delivery:MessagesPerSecond"] = messagesPerSecond.ToString(),
        });
        builder.Logging.ClearProviders().AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(logLevel);
        builder.Services.AddHttpClient();
        builder.Services.AddSingleton<ILiteDatabase>(_ => new LiteDatabase($"Filename={dbPath};Connection=direct"));
        builder.Services.AddSingleton<BotFrameworkAuthentication>(sp => new ConfigurationBotFrameworkAuthentication(
            sp.GetRequiredService<IConfiguration>(), httpClientFactory: sp.GetRequiredService<IHttpClientFactory>()));
        builder.Services.AddSingleton(sp => new CloudAdapter(sp.GetRequiredService<BotFrameworkAuthentication>()));
        builder.Services.AddProactive();
        builder.Services.AddDelivery();
        return builder.Build();
    }
}
