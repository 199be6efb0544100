using Cppcc.Bot.Conversations;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.WebChat;

/// <summary>
/// Every minute, drops idle web chat conversations (memory stays bounded by active visitors) and the stored
/// references of public visitors who can no longer be reached (their token and conversation are both gone).
/// </summary>
internal sealed class WebChatJanitor(WebChatConversations conversations, IConversationReferenceStore references,
    IOptions<WebChatOptions> options, TimeProvider time, ILogger<WebChatJanitor> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Period, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database did not answer this time (the shared one unreachable, a full disk); the next sweep tries again.
                logger.LogWarning("Web chat clean-up skipped: {Error}", e.Message);
            }
        }
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        var removed = await conversations.RemoveIdleAsync(stoppingToken);
        if (removed > 0)
        {
            logger.LogInformation("Dropped {Count} idle web chat conversations; {Live} remain", removed, conversations.Count);
        }

        var unreachableSince = time.GetUtcNow() - options.Value.IdleTimeout - options.Value.TokenLifetime;
        var forgotten = references.ForgetPublicCallersIdleSince(unreachableSince);
        if (forgotten > 0)
        {
            logger.LogInformation("Forgot {Count} unreachable public conversation references", forgotten);
        }
    }
}
