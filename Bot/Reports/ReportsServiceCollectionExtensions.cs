using Cppcc.Dialogs.Reports;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.Reports;

/// <summary>Registers the reports feature (issue 3): store, service, limits, exports and the conversation parts.</summary>
public static class ReportsServiceCollectionExtensions
{
    /// <summary>Adds everything the reports feature needs, including <c>GET /exports/{token}</c>.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddOptions<ReportsOptions>().BindConfiguration(ReportsOptions.Section)
            .PostConfigure(o =>
            {
                if (o.Categories.Count == 0)
                {
                    o.Categories.AddRange(ReportsOptions.DefaultCategories);
                }

                if (o.Sectors.Count == 0)
                {
                    o.Sectors.AddRange(ReportsOptions.DefaultSectors);
                }
            })
            .ValidateDataAnnotations()
            .Validate(o => o.PublicFilingWindow > TimeSpan.Zero && o.DuplicateWindow > TimeSpan.Zero && o.ExportLinkLifetime > TimeSpan.Zero,
                "Reports: PublicFilingWindow, DuplicateWindow and ExportLinkLifetime must be positive.")
            .Validate(o => o.Categories.All(c => !string.IsNullOrWhiteSpace(c) && !c.Contains(' ', StringComparison.Ordinal)),
                "Reports:Categories must be non-empty words without spaces.")
            .ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<ReportsOptions>>().Value;
            return new ReportRules
            {
                Categories = o.Categories.ToList(), Sectors = o.Sectors.ToList(), MaxTitleLength = o.MaxTitleLength,
                MaxContentLength = o.MaxContentLength, PageSize = o.PageSize,
            };
        });
        services.AddHttpContextAccessor();
        services.AddSingleton<ReportStore>();
        services.AddSingleton<ReportFingerprints>();
        services.AddSingleton<MemberSectorStore>();
        services.AddSingleton<PublicRateLimiter>();
        services.AddSingleton<ReportNotices>();
        services.AddSingleton<IReportService, ReportService>();
        services.AddSingleton<IReportReview, ReportReview>();
        services.AddSingleton<ExportTokens>();
        services.AddSingleton<IReportExports, ReportExports>();
        services.AddTransient<IStartupFilter, ReportExportStartupFilter>();
        services.AddReportDialogs();
        return services;
    }

    /// <summary>Mounts the export downloads without touching Program.cs's endpoint list.</summary>
    private sealed class ReportExportStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map(ReportExports.PathPrefix, branch => branch.Run(ReportExportEndpoint.HandleAsync));
            next(app);
        };
    }
}
