using Cppcc.Bot.Exports;
using Cppcc.Bot.Storage;
using Cppcc.Bot.Storage.Postgres;
using Cppcc.Dialogs.Reports;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.Reports;

/// <summary>Registers the reports feature: its settings, store, services, export files, then its conversation.</summary>
public static class ReportsServiceCollectionExtensions
{
    /// <summary>Adds everything the reports feature needs, including its files behind <c>GET /exports/{token}</c> (see AddExports).</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddOptions<ReportsOptions>().BindConfiguration(ReportsOptions.Section)
            .PostConfigure(o => o.WithDefaults())
            .ValidateDataAnnotations()
            .Validate(o => o.PublicFilingWindow > TimeSpan.Zero && o.DuplicateWindow > TimeSpan.Zero,
                "Reports: PublicFilingWindow and DuplicateWindow must be positive.")
            .Validate(o => o.Categories.All(c => !string.IsNullOrWhiteSpace(c) && !c.Contains(' ', StringComparison.Ordinal)),
                "Reports:Categories must be non-empty words without spaces.")
            .ValidateOnStart();
        // The conversation's rules are these same bound options, never a copy.
        services.AddSingleton<ReportRules>(sp => sp.GetRequiredService<IOptions<ReportsOptions>>().Value);
        services.AddStore<IReportStore, ReportStore, PostgresReportStore>();
        services.AddPostgresSchema("reports-001", PostgresReportStore.Schema);
        // On PostgreSQL other instances file too: the index reads their new reports before each use.
        services.AddSingleton(sp => new ReportFingerprints(sp.GetRequiredService<IReportStore>(), sp.GetRequiredService<TimeProvider>(),
            shared: StorageSelection.UsesPostgres(sp)));
        services.AddPostgresSchema(PostgresMemberSectorStore.Schema).AddStore<IMemberSectorStore, MemberSectorStore, PostgresMemberSectorStore>();
        services.AddSingleton<PublicRateLimiter>();
        services.AddSingleton<ReportNotices>();
        services.AddSingleton<IReportService, ReportService>();
        services.AddSingleton<IReportReview, ReportReview>();
        services.AddSingleton<IReportExports, ReportExports>();
        services.AddSingleton<IExportSource>(sp => new ReportExportSource(sp.GetRequiredService<IReportReview>(), excel: false));
        services.AddSingleton<IExportSource>(sp => new ReportExportSource(sp.GetRequiredService<IReportReview>(), excel: true));
        services.AddReportsConversation();
        return services;
    }
}
