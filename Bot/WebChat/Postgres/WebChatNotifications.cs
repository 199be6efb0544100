using Npgsql;

namespace Cppcc.Bot.WebChat.Postgres;

/// <summary>
/// One LISTEN connection per instance (not one per conversation): when any instance appends to a conversation, the
/// streams this instance holds for it wake and read what is new. After a lost connection every held conversation is
/// woken once, since a notification may have been missed meanwhile.
/// </summary>
/// <param name="dataSource">Null with LiteDB: one instance, whose appends wake its streams directly.</param>
internal sealed class WebChatNotifications(NpgsqlDataSource? dataSource, WebChatConversations conversations, ILogger<WebChatNotifications> logger)
    : BackgroundService
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (dataSource is not null && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = await dataSource.OpenConnectionAsync(stoppingToken);
                connection.Notification += (_, e) => Wake(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {PostgresWebChatSchema.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }

                conversations.SignalAll();
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException or InvalidOperationException)
            {
                logger.LogWarning("Web chat notifications interrupted ({Error}); listening again in {Delay}", e.GetType().Name, RetryAfter);
                await Task.Delay(RetryAfter, stoppingToken);
            }
        }
    }

    private void Wake(string conversationId)
    {
        if (conversations.TryGet(conversationId, out var conversation))
        {
            conversation.Signal();
        }
    }
}
