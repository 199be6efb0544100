using Cppcc.Bot.Exports;
using Cppcc.Dialogs.Duty;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.Duty;

/// <summary>Registers the duty record (履职档案): points from <c>DutyPoints</c>, the counter, the ranking files and the commands.</summary>
public static class DutyServiceCollectionExtensions
{
    /// <summary>Configuration section of the points.</summary>
    public const string PointsSection = "DutyPoints";

    /// <summary>Adds the feature; its files are served behind <c>GET /exports/{token}</c> (see AddExports).</summary>
    public static IServiceCollection AddDuty(this IServiceCollection services)
    {
        // The conversation's own rules record is the options object: bound once, ranges checked at start-up.
        services.AddOptions<DutyPointsRules>().BindConfiguration(PointsSection)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<DutyPointsRules>>().Value);
        services.AddSingleton<IDutyRecords, DutyRecords>();
        services.AddSingleton<IExportSource>(sp => new RankingExportSource(sp.GetRequiredService<IDutyRecords>(), excel: false));
        services.AddSingleton<IExportSource>(sp => new RankingExportSource(sp.GetRequiredService<IDutyRecords>(), excel: true));
        services.AddSingleton<ChartFonts>();
        services.AddSingleton<IExportSource, RankingChartSource>();
        services.AddDutyConversations();
        return services;
    }
}
