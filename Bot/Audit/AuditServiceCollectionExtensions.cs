using Cppcc.Bot.Exports;
using Cppcc.Bot.Hosting;
using Cppcc.Bot.Knowledge;
using Cppcc.Bot.Reports;
using Cppcc.Bot.Storage;
using Cppcc.Bot.Storage.Postgres;
using Cppcc.Dialogs.Audit;
using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Knowledge;
using Cppcc.Dialogs.Reports;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cppcc.Bot.Audit;

/// <summary>Registers the audit trail: the hash-chained store, the <c>操作记录</c> command, and recording wrappers.</summary>
public static class AuditServiceCollectionExtensions
{
    /// <summary>
    /// Adds the trail, its exports and the <c>操作记录</c> command, and watches staff rights. Sessions, broadcasts and
    /// groups record their staff actions themselves (their AddXxx registers the recording service); the report review
    /// and knowledge-base curation are still wrapped here, so call this after AddReports and AddKnowledge, whose
    /// registrations it replaces. Downloads are recorded by the export endpoint.
    /// </summary>
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.RequireRegistered(nameof(AddAudit), (typeof(IReportReview), "AddReports"), (typeof(IKnowledgeCuration), "AddKnowledge"));
        services.AddPostgresSchema(PostgresAuditStore.Schema).AddStore<IAuditStore, AuditStore, PostgresAuditStore>();
        services.AddSingleton<IAuditTrail>(sp => sp.GetRequiredService<IAuditStore>());
        services.TryAddSingleton<ReportReview>();
        services.Replace(ServiceDescriptor.Singleton<IReportReview>(sp =>
            new AuditedReportReview(sp.GetRequiredService<ReportReview>(), sp.GetRequiredService<IAuditTrail>())));
        services.TryAddSingleton<KnowledgeCuration>();
        services.Replace(ServiceDescriptor.Singleton<IKnowledgeCuration>(sp =>
            new AuditedKnowledgeCuration(sp.GetRequiredService<KnowledgeCuration>(), sp.GetRequiredService<IAuditTrail>())));
        services.AddPostgresSchema(PostgresStaffSnapshotStore.Schema).AddStore<IStaffSnapshotStore, StaffSnapshotStore, PostgresStaffSnapshotStore>();
        services.AddHostedService<StaffRoleWatcher>();
        services.AddSingleton<IExportSource>(sp => new AuditExportSource(sp.GetRequiredService<IAuditTrail>(), sp.GetRequiredService<OfficeTime>(), excel: false));
        services.AddSingleton<IExportSource>(sp => new AuditExportSource(sp.GetRequiredService<IAuditTrail>(), sp.GetRequiredService<OfficeTime>(), excel: true));
        services.AddAuditConversations();
        return services;
    }
}
