using Cppcc.Bot.Audiences;
using Cppcc.Bot.Broadcasts;
using Cppcc.Bot.Conversations;
using Cppcc.Bot.Exports;
using Cppcc.Bot.Knowledge;
using Cppcc.Bot.Reminders;
using Cppcc.Bot.Reports;
using Cppcc.Bot.Storage;
using Cppcc.Bot.Storage.Postgres;
using Cppcc.Dialogs.Audiences;
using Cppcc.Dialogs.Audit;
using Cppcc.Dialogs.Broadcasts;
using Cppcc.Dialogs.Knowledge;
using Cppcc.Dialogs.Reports;
using Cppcc.Dialogs.Sessions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Cppcc.Bot.Hosting;

namespace Cppcc.Bot.Audit;

/// <summary>Registers the audit trail: the hash-chained store, the <c>操作记录</c> command, and recording wrappers.</summary>
public static class AuditServiceCollectionExtensions
{
    /// <summary>
    /// Adds the trail and wraps the report review, sessions, broadcasts, knowledge-base curation and groups so each
    /// staff action is recorded, and watches staff rights. Call after AddReports, AddReminders, AddBroadcasts,
    /// AddKnowledge and AddAudiences: it replaces their registrations. Downloads are recorded by the export endpoint.
    /// </summary>
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.RequireRegistered(nameof(AddAudit), (typeof(IReportReview), "AddReports"), (typeof(ISessions), "AddReminders"),
            (typeof(IBroadcasts), "AddBroadcasts"), (typeof(IKnowledgeCuration), "AddKnowledge"), (typeof(IGroups), "AddAudiences"));
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
        services.TryAddSingleton<KnowledgeCuration>();
        services.Replace(ServiceDescriptor.Singleton<IKnowledgeCuration>(sp =>
            new AuditedKnowledgeCuration(sp.GetRequiredService<KnowledgeCuration>(), sp.GetRequiredService<IAuditTrail>())));
        services.TryAddSingleton<GroupService>();
        services.Replace(ServiceDescriptor.Singleton<IGroups>(sp => new AuditedGroups(sp.GetRequiredService<GroupService>(),
            sp.GetRequiredService<IGroupStore>(), sp.GetRequiredService<IConversationReferenceStore>(), sp.GetRequiredService<IAuditTrail>())));
        services.AddPostgresSchema(PostgresStaffSnapshotStore.Schema).AddStore<IStaffSnapshotStore, StaffSnapshotStore, PostgresStaffSnapshotStore>();
        services.AddHostedService<StaffRoleWatcher>();
        services.AddSingleton<IExportSource>(sp => new AuditExportSource(sp.GetRequiredService<IAuditTrail>(), excel: false));
        services.AddSingleton<IExportSource>(sp => new AuditExportSource(sp.GetRequiredService<IAuditTrail>(), excel: true));
        services.AddAuditDialogs();
        return services;
    }
}
