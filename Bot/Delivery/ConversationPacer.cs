namespace Cppcc.Bot.Delivery;

/// <summary>
/// Teams' per-conversation limits: 7 messages per second and 60 per 30 seconds. An exact sliding log (not a bucket), so
/// no window ever holds more than its limit. The engine sends one item per conversation at a time, so check-then-record
/// cannot race.
/// </summary>
public sealed class ConversationPacer(DeliveryOptions options, TimeProvider time) : IConversationPacer
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan HalfMinute = TimeSpan.FromSeconds(30);
    private readonly Dictionary<string, List<DateTimeOffset>> _sent = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private int _recordsSincePurge;

    /// <summary>How long to wait before the next message to this conversation is allowed.</summary>
    public TimeSpan DelayBeforeNext(string conversationId)
    {
        lock (_lock)
        {
            if (!_sent.TryGetValue(conversationId, out var log))
            {
                return TimeSpan.Zero;
            }

            var now = time.GetUtcNow();
            log.RemoveAll(t => t <= now - HalfMinute);
            var wait = Wait(log, now, options.PerConversationPerSecond, Second);
            var longWait = Wait(log, now, options.PerConversationPer30Seconds, HalfMinute);
            return wait > longWait ? wait : longWait;
        }
    }

    /// <summary>Stamps a send to this conversation (when its answer is back: never earlier than the Connector saw it).</summary>
    public void Record(string conversationId)
    {
        lock (_lock)
        {
            var now = time.GetUtcNow();
            if (!_sent.TryGetValue(conversationId, out var log))
            {
                _sent[conversationId] = log = [];
            }

            log.Add(now);
            if (++_recordsSincePurge >= 1000)
            {
                _recordsSincePurge = 0;
                foreach (var id in _sent.Where(p => p.Value.Count == 0 || p.Value[^1] <= now - HalfMinute).Select(p => p.Key).ToList())
                {
                    _sent.Remove(id);
                }
            }
        }
    }

    /// <summary>Zero when fewer than <paramref name="limit"/> sends fall in the last <paramref name="span"/>; else until the oldest that counts leaves it.</summary>
    internal static TimeSpan Wait(List<DateTimeOffset> log, DateTimeOffset now, int limit, TimeSpan span)
    {
        var inWindow = log.Where(t => t > now - span).ToList();
        return inWindow.Count < limit ? TimeSpan.Zero : inWindow[inWindow.Count - limit] + span - now;
    }
}
