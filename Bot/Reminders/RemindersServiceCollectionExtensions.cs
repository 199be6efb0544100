using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Root;
using Cppcc.Dialogs.Sessions;

namespace Cppcc.Bot.Reminders;

public static class RemindersServiceCollectionExtensions
{
    /// <summary>Study sessions, their reminders (Reminders:LeadTimes), RSVPs and attendance.</summary>
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        services.AddOptions<RemindersOptions>().BindConfiguration(RemindersOptions.Section)
            .Validate(o => o.EffectiveLeadTimes.All(l => l > TimeSpan.Zero), "Reminders:LeadTimes must be positive TimeSpans.")
            .Validate(o => o.CheckInterval > TimeSpan.Zero && o.CheckInterval <= TimeSpan.FromSeconds(5), "Reminders:CheckInterval must be within 5 seconds.")
            .ValidateOnStart();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<RsvpStore>();
        services.AddSingleton<ISessions, SessionService>();
        services.AddSingleton<ICardAction, SessionCreateAction>();
        services.AddSingleton<ICardAction, SessionRsvpAction>();
        services.AddSingleton<Dialog, SessionDialog>();
        services.AddSingleton(sp => SessionDialog.CreateStartPrompt(sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ITextCommand>(new StartDialogCommand(SessionDialog.DialogId, ["安排学习", "new session"], Role.Staff,
            new MenuItem(new Localized("安排学习", "New session"), 50)));
        services.AddSingleton<ITextCommand, SessionListCommand>();
        services.AddSingleton<ITextCommand, SessionCancelCommand>();
        services.AddSingleton<ITextCommand, SessionMoveCommand>();
        services.AddSingleton<ITextCommand, AttendanceCommand>();
        services.AddHostedService<ReminderScheduler>();
        return services;
    }
}
