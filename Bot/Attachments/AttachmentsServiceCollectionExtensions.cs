using Cppcc.Bot.Exports;
using Cppcc.Bot.Storage;
using Cppcc.Bot.Storage.Postgres;
using Cppcc.Dialogs.Attachments;
using Cppcc.Dialogs.Root;

namespace Cppcc.Bot.Attachments;

/// <summary>Registers attachments on reports: the intake of files sent in the chat, the store, the staff links, then the <c>附件</c> conversation.</summary>
public static class AttachmentsServiceCollectionExtensions
{
    /// <summary>Adds the feature; its files are served behind <c>GET /exports/{token}</c> (see AddExports).</summary>
    public static IServiceCollection AddAttachments(this IServiceCollection services)
    {
        services.AddHttpClient(nameof(ActivityFiles), client => client.Timeout = TimeSpan.FromSeconds(30));
        services.AddSingleton<ActivityFiles>();
        services.AddSingleton<UploadedFiles>();
        services.AddPostgresSchema(PostgresReportAttachmentStore.Schema)
            .AddStore<IReportAttachmentStore, ReportAttachmentStore, PostgresReportAttachmentStore>();
        services.AddSingleton<IFileIntake, ReportAttachmentIntake>();
        services.AddSingleton<IReportAttachments, ReportAttachments>();
        services.AddSingleton<IExportSource, AttachmentExportSource>();
        return services.AddAttachmentsConversation();
    }
}
