using Cppcc.Bot.Audit;
using Cppcc.Bot.Roles;
using Cppcc.Bot.Tests.Support;
using Cppcc.Dialogs.Audit;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Cppcc.Bot.Tests.Audit;

/// <summary>
/// The once-a-minute look runs on a timer: an exception there would end the process. PostgreSQL restarting under
/// every instance at once took them all down this way.
/// </summary>
public sealed class StaffRoleWatcherOutageTests
{
    [Fact]
    public async Task Storage_that_does_not_answer_at_the_minute_look_is_survived_and_the_next_look_records()
    {
        var time = new FakeTimeProvider();
        var staff = new Staff(["aad-a"]);
        var trail = new Trail();
        var (store, failing) = FailingStorage<IStaffSnapshotStore>.Wrap(new MemorySnapshots());
        using var watcher = new StaffRoleWatcher(staff, store, trail, time, NullLogger<StaffRoleWatcher>.Instance);
        await watcher.StartAsync(CancellationToken.None);

        failing.Failing = true;
        staff.CurrentValue = new StaffOptions { UserIds = ["aad-b"] };
        time.Advance(StaffRoleWatcher.CheckInterval); // the timer's look fails; without a catch this throws out of the timer
        Assert.True(failing.Refused > 0);
        Assert.Empty(trail.Actions);

        failing.Failing = false;
        time.Advance(StaffRoleWatcher.CheckInterval);
        Assert.Equal(["role.grant aad-b", "role.revoke aad-a"], trail.Actions.Order());
    }

    private sealed class MemorySnapshots : IStaffSnapshotStore
    {
        private HashSet<string>? _ids;

        public IReadOnlySet<string>? Load() => _ids;

        public bool TryReplace(IReadOnlySet<string>? expected, IReadOnlySet<string> ids)
        {
            _ids = new HashSet<string>(ids, StringComparer.OrdinalIgnoreCase);
            return true;
        }
    }

    private sealed class Trail : IAuditTrail
    {
        public List<string> Actions { get; } = [];

        public void Record(string actorKey, string actorName, string action, string target, string? before, string? after)
            => Actions.Add($"{action} {target}");

        public IReadOnlyList<AuditEntry> Latest(int count) => [];

        public IReadOnlyList<AuditEntry> Find(AuditFilter filter, int max) => [];

        public AuditVerification Verify() => throw new NotSupportedException();
    }

    private sealed class Staff(List<string> ids) : IOptionsMonitor<StaffOptions>
    {
        public StaffOptions CurrentValue { get; set; } = new() { UserIds = ids };

        public StaffOptions Get(string? name) => CurrentValue;

        public IDisposable? OnChange(Action<StaffOptions, string?> listener) => null;
    }
}
