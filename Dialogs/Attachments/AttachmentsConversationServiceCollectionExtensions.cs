using Cppcc.Dialogs.Root;
using Microsoft.Extensions.DependencyInjection;

namespace Cppcc.Dialogs.Attachments;

/// <summary>Registers the conversation about report attachments; the host provides <see cref="IReportAttachments"/> and the download links.</summary>
public static class AttachmentsConversationServiceCollectionExtensions
{
    /// <summary><c>附件</c> / <c>attachments</c>.</summary>
    public static IServiceCollection AddAttachmentsConversation(this IServiceCollection services)
    {
        services.AddSingleton<ITextCommand, AttachmentsCommand>();
        return services;
    }
}
