using Cppcc.Dialogs.Framework;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.Office;

/// <summary>Registers the office's language and time zone, and <see cref="OfficeTime"/> that reads the clock in that zone.</summary>
public static class OfficeServiceCollectionExtensions
{
    /// <summary>Binds <c>Bot:DefaultLanguage</c> and <c>Bot:TimeZone</c>, validated at start-up.</summary>
    public static IServiceCollection AddOffice(this IServiceCollection services)
    {
        services.AddOptions<OfficeOptions>().BindConfiguration(OfficeOptions.Section)
            .Validate(o => OfficeSettings.Languages.Contains(o.DefaultLanguage), "Bot:DefaultLanguage must be zh-CN or en.")
            .Validate(o => OfficeOptions.FindZone(o.TimeZone) is not null, "Bot:TimeZone must be a time zone id known to this machine, e.g. Asia/Shanghai.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<OfficeOptions>>().Value.ToSettings());
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<OfficeTime>();
        return services;
    }
}
