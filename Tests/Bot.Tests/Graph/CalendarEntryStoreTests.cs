using Cppcc.Bot.Graph;
using Cppcc.Bot.Storage;
using Cppcc.Bot.Tests.Support;

namespace Cppcc.Bot.Tests.Graph;

/// <summary>Outlook event records on LiteDB and PostgreSQL.</summary>
public class CalendarEntryStoreTests
{
    [StoreTheory]
    public async Task Entries_are_found_per_member_and_session_and_sessions_with_live_events_are_listed(StorageProvider provider)
    {
        await using var context = await StoreContext.CreateAsync(provider, PostgresCalendarEntryStore.Schema);
        var store = context.Store<ICalendarEntryStore, CalendarEntryStore, PostgresCalendarEntryStore>();
        store.Save(Entry("s1", "msteams:a", "ev-1"));
        store.Save(Entry("s1", "msteams:b", null));
        store.Save(Entry("s2", "msteams:a", "ev-2"));
        var removed = Entry("s3", "msteams:a", "ev-3");
        removed.Removed = true;
        store.Save(removed);
        var failing = Entry("s1", "msteams:b", null);
        failing.Failures = 2;
        store.Save(failing);

        Assert.Equal(["ev-1", null], store.ForSession("s1").OrderBy(e => e.UserKey).Select(e => e.EventId));
        Assert.Equal(2, store.Find("s1", "msteams:b")!.Failures);
        Assert.Equal("aad-msteams:a", store.Find("s2", "msteams:a")!.AadObjectId);
        Assert.Null(store.Find("s2", "msteams:b"));
        Assert.Equal(["s1", "s2"], store.SessionsWithEvents().Order());
    }

    private static CalendarEntry Entry(string session, string user, string? eventId) => new()
    {
        Id = CalendarEntry.KeyOf(session, user),
        SessionId = session,
        UserKey = user,
        AadObjectId = "aad-" + user,
        EventId = eventId,
        SyncedChanges = 1,
    };
}
