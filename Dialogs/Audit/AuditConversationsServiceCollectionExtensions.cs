using Cppcc.Dialogs.Root;
using Microsoft.Extensions.DependencyInjection;

namespace Cppcc.Dialogs.Audit;

/// <summary>Registers the audit-trail conversation.</summary>
public static class AuditConversationsServiceCollectionExtensions
{
    /// <summary>Adds <c>操作记录</c>; the host provides <see cref="IAuditTrail"/> and the download links.</summary>
    public static IServiceCollection AddAuditConversations(this IServiceCollection services)
        => services.AddSingleton<ITextCommand, AuditCommand>();
}
