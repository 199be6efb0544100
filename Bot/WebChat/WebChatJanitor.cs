namespace Cppcc.Bot.WebChat;

/// <summary>Drops idle web chat conversations every minute, so memory stays bounded by active visitors.</summary>
internal sealed class WebChatJanitor(WebChatConversations conversations, TimeProvider time, ILogger<WebChatJanitor> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var removed = conversations.RemoveIdle();
            if (removed > 0)
            {
                logger.LogInformation("Dropped {Count} idle web chat conversations; {Live} remain", removed, conversations.Count);
            }
        }
    }
}
