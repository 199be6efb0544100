using Cppcc.Bot.Reminders;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.Graph;

/// <summary>Runs <see cref="CalendarSync"/> when a session changes and every Graph:SyncInterval (retries), when Graph is configured.</summary>
public sealed class CalendarSyncWorker(IServiceProvider services, SessionChanges changes, IOptions<GraphOptions> options, TimeProvider time,
    ILogger<CalendarSyncWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var sync = services.GetRequiredService<CalendarSync>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await sync.SyncAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Calendar pass failed; trying again in {Interval}", options.Value.SyncInterval);
            }
            await changes.WaitAsync(options.Value.SyncInterval, time, stoppingToken);
        }
    }
}
