using System.Globalization;
using Cppcc.Bot.Audiences;
using Cppcc.Bot.Conversations;
using Cppcc.Bot.Delivery;
using Cppcc.Dialogs.Framework;
using Cppcc.Dialogs.Root;
using Cppcc.Dialogs.Sessions;
using CsvHelper;
using Microsoft.Bot.Schema;

namespace Cppcc.Bot.Reminders;

/// <summary>Study sessions over their stores; edits and cancellations tell the members already reminded.</summary>
public sealed class SessionService(ISessionStore sessions, IRsvpStore rsvps, AudienceResolver audiences, PersonalConversations personal,
    DeliveryQueue queue, SessionChanges changes, TimeProvider time, OfficeTime office, ILogger<SessionService> logger) : ISessions
{
    public static string ReminderJobPrefix(string sessionId) => "reminder:" + sessionId + ":";

    public IReadOnlyList<string> Audiences() => audiences.Names();

    public SessionView Create(SessionDraft draft, Caller creator)
    {
        var session = sessions.Add(new StudySession
        {
            Title = draft.Title,
            Kind = draft.Kind,
            StartsAt = draft.StartsAt.ToUniversalTime(),
            OffsetMinutes = (int)draft.StartsAt.Offset.TotalMinutes,
            Location = draft.Location,
            Recurrence = draft.Recurrence,
            Audience = draft.Audience,
            CreatedBy = creator.UserKey,
        });
        logger.LogInformation("Session {SessionId} created for {StartsAt}", session.Id, session.StartsAt);
        changes.Notify();
        return session.ToView();
    }

    public IReadOnlyList<SessionView> Upcoming(int max) => sessions.StartingAfter(time.GetUtcNow()).Take(max).Select(s => s.ToView()).ToList();

    public IReadOnlyList<SessionView> UpcomingFor(Caller viewer, int max)
        => sessions.StartingAfter(time.GetUtcNow())
            .Where(s => viewer.Has(Role.Staff) || audiences.Includes(s.Audience, viewer.UserKey))
            .Take(max).Select(s => s.ToView()).ToList();

    public bool InAudience(SessionView session, Caller member) => audiences.Includes(session.Audience, member.UserKey);

    public SessionView? Find(string id) => sessions.Find(id) is { } s ? s.ToView() : null;

    public SessionView? Update(string id, string? title, DateTimeOffset? startsAt, string? location, Caller editor)
    {
        if (sessions.Find(id) is not { Cancelled: false } session || session.StartsAt <= time.GetUtcNow())
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(title))
        {
            session.Title = title.Trim();
        }

        if (!string.IsNullOrWhiteSpace(location))
        {
            session.Location = location.Trim();
        }

        if (startsAt is { } start && start != session.StartsAt)
        {
            session.StartsAt = start.ToUniversalTime();
            session.OffsetMinutes = (int)start.Offset.TotalMinutes;
            // A moved session is reminded afresh for its new time; reminders still queued with the old time are withdrawn.
            session.Revision++;
            session.RemindedLeads.Clear();
            queue.Withdraw(ReminderJobPrefix(session.Id));
        }
        session.Changes++;
        sessions.Save(session);
        var told = Tell(session, $"session-changed:{session.Id}:{session.Changes}", SessionCards.Changed);
        logger.LogInformation("Session {SessionId} changed; {Count} reminded members told", session.Id, told);
        changes.Notify();
        return session.ToView();
    }

    public bool Cancel(string id, Caller editor)
    {
        if (sessions.Find(id) is not { Cancelled: false } session || session.StartsAt <= time.GetUtcNow())
        {
            return false;
        }

        session.Cancelled = true;
        sessions.Save(session);
        queue.Withdraw(ReminderJobPrefix(session.Id));
        // Cancelling one occurrence of a series keeps the series: its next occurrence is planned now.
        var next = sessions.AddSuccessor(session);
        var told = Tell(session, "session-cancelled:" + session.Id, SessionCards.Cancelled);
        if (next is not null)
        {
            logger.LogInformation("Cancelled session {SessionId} recurs as {NextId}", session.Id, next.Id);
        }

        logger.LogInformation("Session {SessionId} cancelled; {Count} reminded members told", session.Id, told);
        changes.Notify();
        return true;
    }

    public bool Rsvp(string sessionId, Caller member, bool attends)
    {
        // An answer from outside the audience would count as attendance in 我的履职 for a session the member was never invited to.
        if (sessions.Find(sessionId) is not { Cancelled: false } session || session.StartsAt <= time.GetUtcNow()
            || !audiences.Includes(session.Audience, member.UserKey))
        {
            return false;
        }

        rsvps.Save(new Rsvp { SessionId = sessionId, UserKey = member.UserKey, Name = member.Name, Attends = attends, At = time.GetUtcNow() });
        return true;
    }

    public AttendanceView? Attendance(string sessionId)
    {
        if (sessions.Find(sessionId) is not { } session)
        {
            return null;
        }

        var answers = rsvps.For(sessionId).Select(r => new RsvpView(r.Name, r.UserKey, r.Attends, r.At)).ToList();
        // Staff chase the members who have not answered, so they are listed too: the session's audience minus the answers.
        var answered = answers.Select(a => a.UserKey).ToHashSet(StringComparer.Ordinal);
        var notReplied = (audiences.Resolve(session.Audience)?.Reachable ?? [])
            .Where(r => !answered.Contains(r.UserKey))
            .Select(r => new NoReplyView(r.Name, r.UserKey))
            .ToList();
        return new AttendanceView(session.ToView(), answers, Csv(answers, notReplied)) { NotReplied = notReplied };
    }

    /// <summary>Queues <paramref name="card"/> for everyone who got a reminder of this session; returns how many.</summary>
    private int Tell(StudySession session, string jobId, Func<SessionView, string?, OfficeTime, IMessageActivity> card)
    {
        var requests = queue.DeliveredTo(ReminderJobPrefix(session.Id))
            .Select(key => (key, reference: personal.For(key)))
            .Where(r => r.reference is not null)
            .Select(r => new DeliveryRequest(r.key, r.reference!, card(session.ToView(), r.reference!.Locale, office)))
            .ToList();
        queue.Enqueue(jobId, requests);
        return requests.Count;
    }

    private static byte[] Csv(IEnumerable<RsvpView> answers, IEnumerable<NoReplyView> notReplied)
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, new CsvWriterOptions { WriteByteOrderMark = true }, leaveOpen: true))
        {
            csv.WriteRecord(["姓名", "用户", "回复", "回复时间(UTC)"]);
            foreach (var a in answers)
            {
                csv.WriteRecord([a.Name, a.UserKey, a.Attends ? "参加" : "请假", a.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)]);
            }

            foreach (var n in notReplied)
            {
                csv.WriteRecord([n.Name, n.UserKey, "未回复", ""]);
            }
        }
        return buffer.ToArray();
    }
}
