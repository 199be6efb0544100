using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Root;
using Microsoft.Extensions.DependencyInjection;

namespace Cppcc.Dialogs.Sessions;

/// <summary>Registers the study-session conversations; the host provides <see cref="ISessions"/> and a TimeProvider (read through <see cref="OfficeTime"/>).</summary>
public static class SessionConversationsServiceCollectionExtensions
{
    /// <summary><c>session.create</c>, <c>session.update</c>, <c>session.rsvp</c>, the <c>安排学习</c> dialog, <c>学习安排</c>, <c>改期</c>, <c>取消学习</c>, <c>出席情况</c>.</summary>
    public static IServiceCollection AddSessionConversations(this IServiceCollection services)
    {
        services.AddSingleton<ICardAction, SessionCreateAction>();
        services.AddSingleton<ICardAction, SessionRsvpAction>();
        services.AddSingleton<ICardAction, SessionUpdateAction>();
        services.AddSingleton<Dialog, SessionDialog>();
        services.AddSingleton(sp => SessionDialog.CreateStartPrompt(sp.GetRequiredService<OfficeTime>()));
        services.AddSingleton<ITextCommand>(new StartDialogCommand(SessionDialog.DialogId, new[] { "安排学习", "new session" }, Role.Staff,
            new MenuItem(new Localized("安排学习", "New session"), 50)));
        services.AddSingleton<ITextCommand, SessionListCommand>();
        services.AddSingleton<ITextCommand, SessionCancelCommand>();
        services.AddSingleton<ITextCommand, SessionMoveCommand>();
        services.AddSingleton<ITextCommand, AttendanceCommand>();
        return services;
    }
}
