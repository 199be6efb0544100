namespace Cppcc.Bot.Delivery;

/// <summary>
/// Teams allows 7 messages/s to one conversation. An exact sliding log (not a bucket) so that no 1-second window ever
/// holds more than the limit. The engine sends one item per conversation at a time, so check-then-record cannot race.
/// </summary>
public sealed class ConversationPacer(DeliveryOptions options, TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private readonly Dictionary<string, Queue<DateTimeOffset>> _sent = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private int _recordsSincePurge;

    /// <summary>How long to wait before the next message to this conversation is allowed.</summary>
    public TimeSpan DelayBeforeNext(string conversationId)
    {
        lock (_lock)
        {
            if (!_sent.TryGetValue(conversationId, out var log))
                return TimeSpan.Zero;
            var now = time.GetUtcNow();
            while (log.Count > 0 && log.Peek() <= now - Window)
                log.Dequeue();
            return log.Count < options.PerConversationPerSecond ? TimeSpan.Zero : log.Peek() + Window - now;
        }
    }

    public void Record(string conversationId)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (!_sent.TryGetValue(conversationId, out var log))
                _sent[conversationId] = log = new Queue<DateTimeOffset>();
            log.Enqueue(now);
            if (++_recordsSincePurge >= 1000)
            {
                _recordsSincePurge = 0;
                foreach (var id in _sent.Where(p => p.Value.Count == 0 || p.Value.Last() <= now - Window).Select(p => p.Key).ToList())
                    _sent.Remove(id);
            }
        }
    }
}
