using System.Globalization;
using Cppcc.Bot.Reminders;
using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Sessions;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace Cppcc.Bot.Graph;

/// <summary>Adds, moves and removes a session's event in one member's Outlook calendar (<c>/users/{id}/events</c>).</summary>
public sealed class GraphCalendar(GraphServiceClient client, OfficeTime office)
{
    /// <summary>Sessions have no end time; the calendar shows this long a block. REVIEW: a duration field on sessions would replace it.</summary>
    public static readonly TimeSpan EventLength = TimeSpan.FromHours(2);

    /// <summary>Creates the event; <c>transactionId</c> makes a retried create return the first event instead of a second one.</summary>
    public async Task<string> CreateAsync(string userId, StudySession session, CancellationToken cancellationToken)
    {
        var created = await client.Users[userId].Events.PostAsync(Event(session, office.Zone, transactionId: CalendarEntry.KeyOf(session.Id, userId)),
            cancellationToken: cancellationToken);
        return created?.Id ?? throw new InvalidOperationException("Graph returned an event without an id.");
    }

    /// <summary>Sets subject, time, place and text to the session's current ones.</summary>
    public Task UpdateAsync(string userId, string eventId, StudySession session, CancellationToken cancellationToken)
        => client.Users[userId].Events[eventId].PatchAsync(Event(session, office.Zone, transactionId: null), cancellationToken: cancellationToken);

    /// <summary>Removes the event (the member is its organiser, so nobody else is told).</summary>
    public Task DeleteAsync(string userId, string eventId, CancellationToken cancellationToken)
        => client.Users[userId].Events[eventId].DeleteAsync(cancellationToken: cancellationToken);

    /// <summary>
    /// The event for a session, in the office's zone by the Windows name Graph documents (e.g. "China Standard Time"),
    /// or in UTC when this machine cannot name the zone that way.
    /// </summary>
    public static Event Event(StudySession session, TimeZoneInfo zone, string? transactionId)
    {
        var named = GraphZoneName(zone);
        var start = named is null ? session.StartsAt.ToUniversalTime() : TimeZoneInfo.ConvertTime(session.StartsAt, zone);
        var zoneName = named ?? "UTC";
        return new Event
        {
            Subject = CalendarTexts.Subject(SessionTexts.KindName(session.Kind), session.Title),
            Start = new DateTimeTimeZone { DateTime = Local(start), TimeZone = zoneName },
            End = new DateTimeTimeZone { DateTime = Local(start + EventLength), TimeZone = zoneName },
            Location = new Location { DisplayName = session.Location },
            Body = new ItemBody { ContentType = BodyType.Text, Content = CalendarTexts.Body(session.Id, session.Location) },
            IsReminderOn = true,
            TransactionId = transactionId,
        };
    }

    /// <summary>The zone's Windows id (an IANA id converted; a Windows id as it is); null when neither applies.</summary>
    private static string? GraphZoneName(TimeZoneInfo zone)
    {
        if (zone.HasIanaId)
        {
            return TimeZoneInfo.TryConvertIanaIdToWindowsId(zone.Id, out var windows) ? windows : null;
        }

        return TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out _) ? zone.Id : null;
    }

    private static string Local(DateTimeOffset at) => at.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture);
}
