using Cppcc.Bot.Exports;
using Cppcc.Dialogs.Duty;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.Duty;

/// <summary>Registers the duty record (履职档案): points from <c>DutyPoints</c>, the counter, the ranking files and the commands.</summary>
public static class DutyServiceCollectionExtensions
{
    /// <summary>Adds the feature; its files are served behind <c>GET /exports/{token}</c> (see AddExports).</summary>
    public static IServiceCollection AddDuty(this IServiceCollection services)
    {
        services.AddOptions<DutyPointsOptions>().BindConfiguration(DutyPointsOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<DutyPointsRules>(sp => sp.GetRequiredService<IOptions<DutyPointsOptions>>().Value);
        services.AddSingleton<IDutyRecords, DutyRecords>();
        services.AddSingleton<IExportSource>(sp => new RankingExportSource(sp.GetRequiredService<IDutyRecords>(), excel: false));
        services.AddSingleton<IExportSource>(sp => new RankingExportSource(sp.GetRequiredService<IDutyRecords>(), excel: true));
        services.AddSingleton<ChartFonts>();
        services.AddSingleton<IExportSource, RankingChartSource>();
        services.AddDutyConversations();
        return services;
    }
}
