using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.Hosting;

/// <summary>
/// Forwarded headers from the configured proxies only (<see cref="ProxyOptions"/>). ASP.NET Core's switch
/// <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c> trusts every peer; when an operator or a platform still sets it,
/// the options below replace its "trust all" so the same rules apply either way.
/// </summary>
public static class TrustedProxies
{
    // The configuration key behind ASPNETCORE_FORWARDEDHEADERS_ENABLED; when true, ASP.NET Core adds its own
    // forwarded-headers middleware in front of the app (configured by the post-configuration below).
    private const string FrameworkSwitch = "ForwardedHeaders_Enabled";

    /// <summary>Binds and validates <see cref="ProxyOptions"/> and makes them the only source of trust.</summary>
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services)
    {
        services.AddOptions<ProxyOptions>().BindConfiguration(ProxyOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ProxyOptions>, ProxyOptionsValidation>();
        services.AddSingleton<IPostConfigureOptions<ForwardedHeadersOptions>, FromProxyOptions>();
        return services;
    }

    /// <summary>Applies forwarded headers of trusted proxies, first in the pipeline.</summary>
    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app)
    {
        var configuration = app.ApplicationServices.GetRequiredService<IConfiguration>();
        // With the framework switch on, its middleware already runs (with our options); a second pass would read the
        // next X-Forwarded-For entry as if another trusted proxy had written it.
        return string.Equals(configuration[FrameworkSwitch], "true", StringComparison.OrdinalIgnoreCase)
            ? app
            : app.UseForwardedHeaders();
    }

    private sealed class ProxyOptionsValidation : IValidateOptions<ProxyOptions>
    {
        public ValidateOptionsResult Validate(string? name, ProxyOptions options) =>
            options.FirstInvalid() is { } entry
                ? ValidateOptionsResult.Fail($"{entry} is neither an IP address (KnownProxies) nor a CIDR network such as 10.0.0.0/8 (KnownNetworks).")
                : options.ForwardLimit is < 1 or > 10
                    ? ValidateOptionsResult.Fail("Hosting:ForwardLimit must be between 1 and 10.")
                    : ValidateOptionsResult.Success;
    }

    private sealed class FromProxyOptions(IOptions<ProxyOptions> proxies) : IPostConfigureOptions<ForwardedHeadersOptions>
    {
        public void PostConfigure(string? name, ForwardedHeadersOptions options)
        {
            var o = proxies.Value;
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            options.ForwardLimit = o.ForwardLimit;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // the list kept for compatibility: cleared too, so nothing set there is trusted
            options.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            foreach (var proxy in o.Proxies())
            {
                options.KnownProxies.Add(proxy);
            }

            foreach (var network in o.Networks())
            {
                options.KnownIPNetworks.Add(network);
            }
        }
    }
}
