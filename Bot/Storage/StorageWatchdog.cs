using Cppcc.Bot.Hosting;
using LiteDB;

namespace Cppcc.Bot.Storage;

/// <summary>
/// LiteDB keeps the first write error of its engine (a full disk) and throws it on every later call, even once space
/// is free: the process answers every turn with an apology until it is started again. This reads a sample of the
/// database every <see cref="Interval"/>; after <see cref="FailuresToStop"/> failures in a row it stops the bot with
/// exit code 70 (<see cref="StartupExitCode.ServiceFailed"/>) and one line, so that the service manager starts it
/// again, and the start-up checks keep every record (see <see cref="StorageStartup"/>). PostgreSQL recovers by itself
/// and is not watched.
/// </summary>
public sealed class StorageWatchdog(IServiceProvider services, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<StorageWatchdog> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    public const int FailuresToStop = 3;

    /// <summary>How many reads the watchdog has made.</summary>
    public int Checks => Volatile.Read(ref _checks);

    private int _checks;

    /// <summary>Why the watchdog stopped the bot, or null while it has not.</summary>
    public string? StoppedBecause { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (StorageSelection.UsesPostgres(services))
        {
            return;
        }

        var database = services.GetRequiredService<ILiteDatabase>();
        var failures = 0;
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                DatabaseReadCheck.ReadSample(database);
                failures = 0;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failures++;
                logger.LogWarning("The database cannot be read ({Failures}/{Limit}): {Error}", failures, FailuresToStop, e.Message);
                if (failures >= FailuresToStop)
                {
                    StoppedBecause = e.Message;
                    lifetime.StopApplication();
                    Interlocked.Increment(ref _checks);
                    return;
                }
            }

            Interlocked.Increment(ref _checks);
        }
    }
}
