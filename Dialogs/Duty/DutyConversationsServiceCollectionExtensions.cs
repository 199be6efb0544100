using Cppcc.Dialogs.Root;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cppcc.Dialogs.Duty;

/// <summary>Registers the duty record (履职档案) conversation.</summary>
public static class DutyConversationsServiceCollectionExtensions
{
    /// <summary>
    /// Adds <c>我的履职</c> and <c>履职排名</c>. The host provides <see cref="IDutyRecords"/> and may register its own
    /// <see cref="DutyPointsRules"/> (configured points); otherwise the defaults count.
    /// </summary>
    public static IServiceCollection AddDutyConversations(this IServiceCollection services)
    {
        services.TryAddSingleton(new DutyPointsRules());
        services.AddSingleton<ITextCommand, MyRecordCommand>();
        services.AddSingleton<ITextCommand, RankingCommand>();
        return services;
    }
}
