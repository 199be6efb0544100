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
public sealed class StaffRoleWatcher(IOptionsMonitor<StaffOptions> staff, IStaffSnapshotStore snapshots, IAuditTrail trail, TimeProvider time,
    ILogger<StaffRoleWatcher> logger) : IHostedService, IDisposable
{
    /// <summary>The actor of these records: nobody in the bot made the change.</summary>
    public const string SystemActor = "system";

    public static readonly TimeSpan CheckInterval = TimeSpan.FromMinutes(1);

    private readonly Lock _comparing = new();
    private IDisposable? _onChange;
    private ITimer? _timer;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        Compare();
        _onChange = staff.OnChange(_ => CompareOrLog());
        _timer = time.CreateTimer(_ => CompareOrLog(), null, CheckInterval, CheckInterval);
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

    /// <summary>
    /// A look from the timer or a configuration change: an exception there would end the process (a timer callback has
    /// no caller), so storage that does not answer (PostgreSQL restarting) is one line and the next look tries again.
    /// </summary>
    private void CompareOrLog()
    {
        try
        {
            Compare();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning("Staff rights could not be compared, trying again in {Interval}: {Error}", CheckInterval, e.Message);
        }
    }

    /// <summary>Records the differences since the last look; the very first look only remembers.</summary>
    public void Compare()
    {
        lock (_comparing)
        {
            var now = new HashSet<string>(staff.CurrentValue.UserIds.Where(id => id.Length > 0), StringComparer.OrdinalIgnoreCase);
            var before = snapshots.Load();
            if (before is not null && before.SetEquals(now))
            {
                return;
            }

            // Claimed before recording: with several instances on one database only the one whose replace succeeds
            // records the change (the others see the new ids on their next look).
            if (!snapshots.TryReplace(before, now) || before is null)
            {
                return;
            }

            foreach (var granted in now.Except(before, StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal))
            {
                trail.Record(SystemActor, "", "role.grant", granted, "-", "staff");
            }

            foreach (var withdrawn in before.Except(now, StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal))
            {
                trail.Record(SystemActor, "", "role.revoke", withdrawn, "staff", "-");
            }

            logger.LogInformation("Staff rights changed: {Count} staff now", now.Count);
        }
    }
}
