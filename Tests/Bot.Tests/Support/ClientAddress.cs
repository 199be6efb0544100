using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Cppcc.Bot.Tests.Support;

/// <summary>
/// The in-memory test server has no network peer (no client address). Registered in a test, this sets the address a
/// request came from, as Kestrel (or the forwarded-headers middleware behind a known proxy) would, from the test-only
/// header <see cref="Header"/>.
/// </summary>
public sealed class ClientAddress : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";

    public static void Register(IServiceCollection services) => services.AddSingleton<IStartupFilter, ClientAddress>();

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Request.Headers.TryGetValue(Header, out var value))
            {
                context.Connection.RemoteIpAddress = IPAddress.Parse(value.ToString());
            }

            return nextMiddleware(context);
        });
        next(app);
    };
}
