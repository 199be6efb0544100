using Cppcc.Bot.Roles;
using Cppcc.Dialogs.Audit;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.Audit;

/// <summary>
/// Records staff rights granted and withdrawn. Roles are not edited in the bot: staff are <c>Staff:UserIds</c> (a
/// configuration reload changes them while running) plus, with Graph on, the members of <c>Graph:StaffGroupId</c>
/// (re-read by the Graph sync, which does not signal a change). So the ids in force are compared with the ones last
/// seen at start, on every configuration change and once a minute; each difference is one record by "system".
/// </summary>
public sealed class StaffRoleWatcher : IHostedService, IDisposable
{
    /// <summary>The actor of these records: nobody in the bot made the change.</summary>
    public const string SystemActor = "system";

    private static readonly TimeSpan CheckInterval = TimeSpan.FromMinutes(1);

    private readonly IOptionsMonitor<StaffOptions> _staff;
    private readonly IStaffSnapshotStore _snapshots;
    private readonly IAuditTrail _trail;
    private readonly TimeProvider _time;
    private readonly ILogger<StaffRoleWatcher> _logger;
    private readonly Lock _comparing = new();
    private IDisposable? _onChange;
    private ITimer? _timer;

    /// <summary>Creates the watcher.</summary>
    public StaffRoleWatcher(IOptionsMonitor<StaffOptions> staff, IStaffSnapshotStore snapshots, IAuditTrail trail, TimeProvider time,
        ILogger<StaffRoleWatcher> logger)
    {
        _staff = staff;
        _snapshots = snapshots;
        _trail = trail;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Compare();
        _onChange = _staff.OnChange(_ => Compare());
        _timer = _time.CreateTimer(_ => Compare(), null, CheckInterval, CheckInterval);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        Dispose();
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _onChange?.Dispose();
        _timer?.Dispose();
    }

    /// <summary>Records the differences since the last look; the very first look only remembers.</summary>
    public void Compare()
    {
        lock (_comparing)
        {
            var now = new HashSet<string>(_staff.CurrentValue.UserIds.Where(id => id.Length > 0), StringComparer.OrdinalIgnoreCase);
            var before = _snapshots.Load();
            if (before is not null && before.SetEquals(now))
            {
                return;
            }

            // Claimed before recording: with several instances on one database only the one whose replace succeeds
            // records the change (the others see the new ids on their next look).
            if (!_snapshots.TryReplace(before, now) || before is null)
            {
                return;
            }

            foreach (var granted in now.Except(before, StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal))
            {
                _trail.Record(SystemActor, "", "role.grant", granted, "-", "staff");
            }

            foreach (var withdrawn in before.Except(now, StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal))
            {
                _trail.Record(SystemActor, "", "role.revoke", withdrawn, "staff", "-");
            }

            _logger.LogInformation("Staff rights changed: {Count} staff now", now.Count);
        }
    }
}
