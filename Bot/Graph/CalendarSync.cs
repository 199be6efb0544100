using Cppcc.Bot.Audiences;
using Cppcc.Bot.Reminders;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Connector;
using Microsoft.Kiota.Abstractions;

namespace Cppcc.Bot.Graph;

/// <summary>What one calendar pass did.</summary>
public sealed record CalendarSyncResult(int Created, int Updated, int Removed, int Failed);

/// <summary>
/// Mirrors study sessions into members' Outlook calendars: an event for each audience member whose Entra object id is
/// known (Teams conversation references), a PATCH when the session changed, a DELETE when it was cancelled. Runs
/// outside any turn, so a Graph failure only costs a retry on the next pass (at most <see cref="CalendarEntryStore.MaxFailures"/>).
/// </summary>
public sealed class CalendarSync(ISessionStore sessions, AudienceResolver audiences, ICalendarEntryStore entries, GraphCalendar calendar,
    TimeProvider time, ILogger<CalendarSync> logger)
{
    public async Task<CalendarSyncResult> SyncAsync(CancellationToken cancellationToken)
    {
        int created = 0, updated = 0, removed = 0, failed = 0;
        foreach (var session in sessions.StartingAfter(time.GetUtcNow()))
        {
            if (audiences.Resolve(session.Audience) is not { } audience)
            {
                continue;
            }

            foreach (var recipient in audience.Reachable)
            {
                if (AadObjectId(recipient) is not { } aad)
                {
                    continue;
                }

                var entry = entries.Find(session.Id, recipient.UserKey) ?? new CalendarEntry
                {
                    Id = CalendarEntry.KeyOf(session.Id, recipient.UserKey),
                    SessionId = session.Id,
                    UserKey = recipient.UserKey,
                    AadObjectId = aad,
                };
                if (entry.Removed || entry.Failures >= CalendarEntryStore.MaxFailures || (entry.EventId is not null && entry.SyncedChanges == session.Changes))
                {
                    continue;
                }

                var creating = entry.EventId is null;
                if (await TryAsync(entry, session.Id, creating ? "create" : "update", async () =>
                    {
                        if (creating)
                        {
                            entry.EventId = await calendar.CreateAsync(entry.AadObjectId, session, cancellationToken);
                        }
                        else
                        {
                            await calendar.UpdateAsync(entry.AadObjectId, entry.EventId!, session, cancellationToken);
                        }

                        entry.SyncedChanges = session.Changes;
                    }))
                {
                    if (creating)
                    {
                        created++;
                    }
                    else
                    {
                        updated++;
                    }
                }
                else
                {
                    failed++;
                }
            }
        }

        foreach (var sessionId in entries.SessionsWithEvents())
        {
            if (sessions.Find(sessionId) is { Cancelled: false })
            {
                continue;
            }

            foreach (var entry in entries.ForSession(sessionId).Where(e => !e.Removed && e.EventId is not null && e.Failures < CalendarEntryStore.MaxFailures))
            {
                if (await TryAsync(entry, sessionId, "delete", async () =>
                    {
                        await calendar.DeleteAsync(entry.AadObjectId, entry.EventId!, cancellationToken);
                        entry.Removed = true;
                    }))
                {
                    removed++;
                }
                else
                {
                    failed++;
                }
            }
        }

        if (created + updated + removed + failed > 0)
        {
            logger.LogInformation("Calendar pass: {Created} events added, {Updated} moved or edited, {Removed} removed, {Failed} failed",
                created, updated, removed, failed);
        }

        return new CalendarSyncResult(created, updated, removed, failed);
    }

    /// <summary>Runs one Graph call for an entry and saves the outcome; failures are counted for a later retry.</summary>
    private async Task<bool> TryAsync(CalendarEntry entry, string sessionId, string action, Func<Task> call)
    {
        try
        {
            await call();
            entry.Failures = 0;
            entries.Save(entry);
            return true;
        }
        catch (ApiException e) when (action == "delete" && e.ResponseStatusCode == 404)
        {
            entry.Removed = true; // already gone from the calendar
            entries.Save(entry);
            return true;
        }
        catch (Exception e) when (e is ApiException or HttpRequestException or InvalidOperationException)
        {
            entry.Failures++;
            entries.Save(entry);
            // No user id or name in the log: the session id and the status say enough.
            logger.LogWarning("Calendar {Action} for session {SessionId} failed ({Status}), attempt {Attempt}", action, sessionId,
                (e as ApiException)?.ResponseStatusCode, entry.Failures);
            return false;
        }
    }

    /// <summary>The member's Entra object id: from the Teams reference, else from a <c>msteams:</c> user key; null for other channels.</summary>
    private static string? AadObjectId(Recipient recipient)
    {
        if (!UserKey.TryParse(recipient.UserKey, out var key) || key.Channel != Channels.Msteams)
        {
            return null;
        }

        var aad = recipient.Reference.User?.AadObjectId;
        return string.IsNullOrEmpty(aad) ? key.Id : aad;
    }
}
