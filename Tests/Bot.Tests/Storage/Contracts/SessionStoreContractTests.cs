using Cppcc.Bot.Reminders;
using Cppcc.Bot.Storage;
using Cppcc.Bot.Storage.Postgres;
using Cppcc.Bot.Tests.Support;
using Cppcc.Dialogs.Sessions;

namespace Cppcc.Bot.Tests.Storage.Contracts;

/// <summary>What every <see cref="ISessionStore"/> and <see cref="IRsvpStore"/> does, on LiteDB and on PostgreSQL.</summary>
public sealed class SessionStoreContractTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 10, 1, 30, 0, TimeSpan.Zero); // 09:30 in Beijing

    private static Task<StoreContext> OpenAsync(StorageProvider provider) => StoreContext.CreateAsync(provider,
        new PostgresSchema("sessions-001", PostgresSessionStore.Schema), new PostgresSchema("rsvps-001", PostgresRsvpStore.Schema));

    private static (ISessionStore First, ISessionStore Second) Sessions(StoreContext context)
        => context.TwoInstances<ISessionStore, SessionStore, PostgresSessionStore>();

    private static StudySession Session(DateTimeOffset start, Recurrence recurrence = Recurrence.None) => new()
    {
        Title = "集中学习",
        Kind = SessionKind.Study,
        StartsAt = start,
        OffsetMinutes = 480,
        Location = "三楼会议室",
        Recurrence = recurrence,
        CreatedBy = "msteams:staff",
    };

    [StoreTheory]
    public async Task Sessions_are_numbered_per_year_of_their_start_and_listed_by_start(StorageProvider provider)
    {
        await using var context = await OpenAsync(provider);
        var (first, second) = Sessions(context);

        var ids = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => (i % 2 == 0 ? first : second).Add(Session(Start.AddDays(i))).Id)));
        var nextYear = first.Add(Session(Start.AddDays(30)));
        var cancelled = first.Find(ids[3])!;
        cancelled.Cancelled = true;
        second.Save(cancelled);

        Assert.Equal(Enumerable.Range(1, 20).Select(n => $"HD-2026-{n:D4}"), ids.Order());
        Assert.Equal("HD-2027-0001", nextYear.Id);
        Assert.Equal(nextYear.Id, nextYear.SeriesId);
        var read = second.Find(ids[5])!;
        Assert.Equal((Start.AddDays(5), 480, SessionKind.Study, "三楼会议室"), (read.StartsAt, read.OffsetMinutes, read.Kind, read.Location));
        Assert.Equal(20, first.StartingAfter(Start.AddMinutes(-1)).Count);
        Assert.Equal([Start.AddDays(2), Start.AddDays(4)], first.StartingBetween(Start.AddDays(2), Start.AddDays(5)).Select(s => s.StartsAt));
    }

    [StoreTheory]
    public async Task A_reminder_checked_by_two_instances_at_once_is_queued_once(StorageProvider provider)
    {
        await using var context = await OpenAsync(provider);
        var (first, second) = Sessions(context);
        var session = first.Add(Session(Start));
        var queued = 0;

        var won = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() =>
            (i % 2 == 0 ? first : second).RemindOnce(first.Find(session.Id)!, TimeSpan.FromHours(1), [TimeSpan.FromDays(1)],
                () => Interlocked.Increment(ref queued)))));

        Assert.Equal(1, queued);
        Assert.Equal(1, won.Count(w => w));
        Assert.Equal([TimeSpan.FromHours(1).Ticks, TimeSpan.FromDays(1).Ticks], second.Find(session.Id)!.RemindedLeads.Order());

        // A session moved meanwhile (new revision) is not reminded from the old copy.
        var old = first.Find(session.Id)!;
        var moved = first.Find(session.Id)!;
        moved.Revision++;
        moved.RemindedLeads.Clear();
        first.Save(moved);
        Assert.False(second.RemindOnce(old, TimeSpan.FromMinutes(30), [], () => Interlocked.Increment(ref queued)));
        Assert.Equal(1, queued);
    }

    [StoreTheory]
    public async Task A_recurring_session_gets_one_next_occurrence_whoever_asks(StorageProvider provider)
    {
        await using var context = await OpenAsync(provider);
        var (first, second) = Sessions(context);
        var monthly = first.Add(Session(Start, Recurrence.Monthly));
        first.Add(Session(Start, Recurrence.None));

        Assert.Equal([monthly.Id], first.StartedWithoutSuccessor(Start.AddMinutes(1)).Select(s => s.Id));
        var successors = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Task.Run(() =>
        {
            var store = i % 2 == 0 ? first : second;
            return store.Find(monthly.Id)! is { NextOccurrenceCreated: false } fresh ? store.AddSuccessor(fresh) : null;
        })));

        var next = Assert.Single(successors, s => s is not null)!;
        Assert.Equal((monthly.SeriesId, Start.AddMonths(1)), (next.SeriesId, next.StartsAt));
        Assert.Empty(second.StartedWithoutSuccessor(Start.AddMinutes(1)));
        Assert.Equal(next.Id, Assert.Single(first.StartingAfter(Start)).Id);
    }

    [StoreTheory]
    public async Task A_members_latest_answer_wins(StorageProvider provider)
    {
        await using var context = await OpenAsync(provider);
        var rsvps = context.Store<IRsvpStore, RsvpStore, PostgresRsvpStore>();

        rsvps.Save(new Rsvp { SessionId = "HD-2026-0001", UserKey = "msteams:a", Name = "甲", Attends = true, At = Start.AddDays(-2) });
        rsvps.Save(new Rsvp { SessionId = "HD-2026-0001", UserKey = "msteams:b", Name = "乙", Attends = true, At = Start.AddDays(-3) });
        rsvps.Save(new Rsvp { SessionId = "HD-2026-0001", UserKey = "msteams:a", Name = "甲", Attends = false, At = Start.AddDays(-1) });
        rsvps.Save(new Rsvp { SessionId = "HD-2026-0002", UserKey = "msteams:a", Name = "甲", Attends = true, At = Start });

        Assert.Equal([("msteams:b", true), ("msteams:a", false)], rsvps.For("HD-2026-0001").Select(r => (r.UserKey, r.Attends)));
        Assert.Equal(Start.AddDays(-1), rsvps.For("HD-2026-0001")[1].At);
        Assert.Equal(2, rsvps.ByUser("msteams:a").Count);
        Assert.Equal(3, rsvps.ForSessions(["HD-2026-0001", "HD-2026-0002"]).Count);
        Assert.Empty(rsvps.ForSessions([]));
    }
}
