using System.Collections.Concurrent;

namespace Cppcc.Bot.WebChat;

/// <summary>
/// With Azure's Direct Line (WebChat:DirectLineSecret) a visitor's messages reach the bot through Azure, which does not
/// say who the client is. The bot sees the visitor once, when it asks Azure for their token with a user id of its own
/// choosing (Azure binds the token to it); this remembers that id's address so the visitor's 查询 look-ups and
/// hand-offs count against it as they do on the embedded Direct Line. Bounded: the oldest are forgotten first.
/// </summary>
internal sealed class AzureVisitorAddresses(TimeProvider time)
{
    private const int Capacity = 100_000;

    // Longer than any token chain a visitor keeps refreshing in one sitting.
    private static readonly TimeSpan Kept = TimeSpan.FromDays(1);

    private readonly ConcurrentDictionary<string, (string Address, DateTimeOffset At)> _byUser = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public void Remember(string userId, string clientAddress)
    {
        _byUser[userId] = (clientAddress, time.GetUtcNow());
        _order.Enqueue(userId);
        while ((_order.Count > Capacity || IsOldestExpired()) && _order.TryDequeue(out var oldest))
        {
            _byUser.TryRemove(oldest, out _);
        }
    }

    public string? Find(string? userId) =>
        userId is not null && _byUser.TryGetValue(userId, out var entry) && time.GetUtcNow() - entry.At < Kept ? entry.Address : null;

    private bool IsOldestExpired() =>
        _order.TryPeek(out var oldest) && (!_byUser.TryGetValue(oldest, out var entry) || time.GetUtcNow() - entry.At >= Kept);
}
