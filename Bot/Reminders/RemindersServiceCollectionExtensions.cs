using Cppcc.Bot.Delivery;
using Cppcc.Bot.Exports;
using Cppcc.Bot.Storage;
using Cppcc.Bot.Storage.Postgres;
using Cppcc.Dialogs.Sessions;
using Microsoft.Extensions.DependencyInjection.Extensions;

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
        services.TryAddSingleton<BackgroundActivity>();
        services.AddStore<ISessionStore, SessionStore, PostgresSessionStore>();
        services.AddPostgresSchema("sessions-001", PostgresSessionStore.Schema);
        services.AddStore<IRsvpStore, RsvpStore, PostgresRsvpStore>();
        services.AddPostgresSchema("rsvps-001", PostgresRsvpStore.Schema);
        services.AddSingleton<SessionChanges>();
        services.AddSingleton<SessionService>();
        // Every staff change of a session is recorded in the audit trail (IAuditTrail comes from AddAudit).
        services.AddSingleton<ISessions, AuditedSessions>();
        services.AddSingleton<IExportSource, AttendanceExport>();
        services.AddSessionConversations();
        services.AddHostedService<ReminderScheduler>();
        return services;
    }
}
