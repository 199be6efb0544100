using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Root;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Cppcc.Dialogs.Reports;

/// <summary>Registers the reports conversation: dialogs, prompts, commands and card actions.</summary>
public static class ReportsConversationServiceCollectionExtensions
{
    /// <summary>
    /// Adds the feature's conversation parts. The host provides <see cref="IReportService"/>, <see cref="IReportReview"/>,
    /// <see cref="IReportExports"/> and may register its own <see cref="ReportRules"/> (configured lists and limits) first.
    /// </summary>
    public static IServiceCollection AddReportsConversation(this IServiceCollection services)
    {
        services.TryAddSingleton(new ReportRules().WithDefaults());
        services.AddSingleton(sp => new ReportValidator(sp.GetRequiredService<ReportRules>()));
        services.AddSingleton<ReportFiling>();
        foreach (var field in ReportPrompts.Fields)
        {
            services.AddSingleton(sp => ReportPrompts.Create(field, sp.GetRequiredService<ReportValidator>()));
        }

        services.AddSingleton<Dialog, ReportDialog>();
        services.AddSingleton<Dialog, SuggestionDialog>();
        services.AddSingleton<ITextCommand>(new StartDialogCommand(ReportDialog.DialogId, new[] { "社情民意", "report" }, Role.Member,
            new MenuItem(ReportTexts.MenuReport, 10)));
        services.AddSingleton<ITextCommand>(new StartDialogCommand(SuggestionDialog.DialogId, new[] { "建议", "suggest" }, Role.Public,
            new MenuItem(ReportTexts.MenuSuggest, 11)));
        services.AddSingleton<ITextCommand, StatusCommand>();
        services.AddSingleton<ITextCommand, MyReportsCommand>();
        services.AddSingleton<ITextCommand, ResubmitCommand>();
        services.AddSingleton<ITextCommand, ReportFormCommand>();
        services.AddSingleton<ITextCommand, SectorCommand>();
        services.AddSingleton<ITextCommand, TriageCommand>();
        services.AddSingleton<ITextCommand, StatsCommand>();
        services.AddSingleton<ICardAction, ReportSubmitAction>();
        services.AddSingleton<ICardAction, ReportTransitionAction>();
        services.AddSingleton<ICardAction, ReportCosignAction>();
        return services;
    }
}
