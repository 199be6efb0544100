using Microsoft.Extensions.Options;

namespace Cppcc.Bot.Graph;

/// <summary>Runs <see cref="GraphSync"/> at start-up and every Graph:SyncInterval, when Graph is configured.</summary>
public sealed class GraphSyncWorker(IServiceProvider services, IOptions<GraphOptions> options, TimeProvider time, ILogger<GraphSyncWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var sync = services.GetRequiredService<GraphSync>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await sync.SyncAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Graph sync failed; trying again in {Interval}", options.Value.SyncInterval);
            }
            await Task.Delay(options.Value.SyncInterval, time, stoppingToken);
        }
    }
}
