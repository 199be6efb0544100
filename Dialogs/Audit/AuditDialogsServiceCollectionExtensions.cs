using Cppcc.Dialogs.Root;
using Microsoft.Extensions.DependencyInjection;

namespace Cppcc.Dialogs.Audit;

/// <summary>Registers the audit trail command.</summary>
public static class AuditDialogsServiceCollectionExtensions
{
    /// <summary>Adds <c>操作记录</c>; the host provides <see cref="IAuditTrail"/>.</summary>
    public static IServiceCollection AddAuditDialogs(this IServiceCollection services)
        => services.AddSingleton<ITextCommand, AuditCommand>();
}
