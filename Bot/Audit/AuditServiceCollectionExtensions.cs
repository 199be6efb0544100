using Cppcc.Bot.Broadcasts;
using Cppcc.Bot.Reminders;
using Cppcc.Bot.Reports;
using Cppcc.Bot.Storage;
using Cppcc.Bot.Storage.Postgres;
using Cppcc.Dialogs.Audit;
using Cppcc.Dialogs.Broadcasts;
using Cppcc.Dialogs.Reports;
using Cppcc.Dialogs.Sessions;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cppcc.Bot.Audit;

/// <summary>Registers the audit trail: the hash-chained store, the <c>操作记录</c> command, and recording wrappers.</summary>
public static class AuditServiceCollectionExtensions
{
    /// <summary>
    /// Adds the trail and wraps the report review, sessions and broadcasts so each staff action is recorded. Call after
    /// AddReports, AddReminders and AddBroadcasts: it replaces their registrations. Downloads are recorded by the
    /// export endpoint.
    /// </summary>
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddPostgresSchema(PostgresAuditStore.Schema).AddStore<IAuditStore, AuditStore, PostgresAuditStore>();
        services.AddSingleton<IAuditTrail>(sp => sp.GetRequiredService<IAuditStore>());
        services.TryAddSingleton<ReportReview>();
        services.TryAddSingleton<SessionService>();
        services.Replace(ServiceDescriptor.Singleton<IReportReview>(sp =>
            new AuditedReportReview(sp.GetRequiredService<ReportReview>(), sp.GetRequiredService<IAuditTrail>())));
        services.Replace(ServiceDescriptor.Singleton<ISessions>(sp =>
            new AuditedSessions(sp.GetRequiredService<SessionService>(), sp.GetRequiredService<IAuditTrail>())));
        services.Replace(ServiceDescriptor.Singleton<IBroadcasts>(sp =>
            new AuditedBroadcasts(sp.GetRequiredService<BroadcastService>(), sp.GetRequiredService<IAuditTrail>())));
        services.AddAuditDialogs();
        return services;
    }
}
