using System.Globalization;
using Cppcc.Bot.Reminders;
using Cppcc.Dialogs.Sessions;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace Cppcc.Bot.Graph;

/// <summary>Adds, moves and removes a session's event in one member's Outlook calendar (<c>/users/{id}/events</c>).</summary>
public sealed class GraphCalendar(GraphServiceClient client)
{
    /// <summary>Sessions have no end time; the calendar shows this long a block. REVIEW: a duration field on sessions would replace it.</summary>
    public static readonly TimeSpan EventLength = TimeSpan.FromHours(2);

    /// <summary>The Windows zone name Graph knows for UTC+8.</summary>
    public const string ChinaStandardTime = "China Standard Time";

    /// <summary>Creates the event; <c>transactionId</c> makes a retried create return the first event instead of a second one.</summary>
    public async Task<string> CreateAsync(string userId, StudySession session, CancellationToken cancellationToken)
    {
        var created = await client.Users[userId].Events.PostAsync(Event(session, transactionId: CalendarEntry.KeyOf(session.Id, userId)),
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return created?.Id ?? throw new InvalidOperationException("Graph returned an event without an id.");
    }

    /// <summary>Sets subject, time, place and text to the session's current ones.</summary>
    public Task UpdateAsync(string userId, string eventId, StudySession session, CancellationToken cancellationToken)
        => client.Users[userId].Events[eventId].PatchAsync(Event(session, transactionId: null), cancellationToken: cancellationToken);

    /// <summary>Removes the event (the member is its organiser, so nobody else is told).</summary>
    public Task DeleteAsync(string userId, string eventId, CancellationToken cancellationToken)
        => client.Users[userId].Events[eventId].DeleteAsync(cancellationToken: cancellationToken);

    /// <summary>The event for a session: China Standard Time when it was entered at +08:00, else UTC.</summary>
    public static Event Event(StudySession session, string? transactionId)
    {
        var china = session.OffsetMinutes == 480;
        var start = china ? session.LocalStart : session.StartsAt.ToUniversalTime();
        var zone = china ? ChinaStandardTime : "UTC";
        return new Event
        {
            Subject = CalendarTexts.Subject(SessionTexts.KindName(session.Kind), session.Title),
            Start = new DateTimeTimeZone { DateTime = Local(start), TimeZone = zone },
            End = new DateTimeTimeZone { DateTime = Local(start + EventLength), TimeZone = zone },
            Location = new Location { DisplayName = session.Location },
            Body = new ItemBody { ContentType = BodyType.Text, Content = CalendarTexts.Body(session.Id, session.Location) },
            IsReminderOn = true,
            TransactionId = transactionId,
        };
    }

    private static string Local(DateTimeOffset at) => at.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
}
