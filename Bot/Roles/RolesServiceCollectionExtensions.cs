using Cppcc.Dialogs.Root;

namespace Cppcc.Bot.Roles;

/// <summary>Registers role resolution.</summary>
public static class RolesServiceCollectionExtensions
{
    /// <summary>Adds <see cref="CallerResolver"/> bound to Staff:UserIds.</summary>
    public static IServiceCollection AddRoles(this IServiceCollection services)
    {
        services.AddOptions<StaffOptions>().BindConfiguration(StaffOptions.Section);
        services.AddSingleton<ICallerResolver, CallerResolver>();
        return services;
    }
}
