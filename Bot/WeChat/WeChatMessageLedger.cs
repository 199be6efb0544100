using System.Collections.Concurrent;

namespace Cppcc.Bot.WeChat;

/// <summary>
/// Each message is processed once although WeChat sends it up to three more times when our answer is slow or lost:
/// the first delivery starts the turn, later ones find it here. Kept for a few minutes (WeChat retries within about
/// 15 seconds).
/// </summary>
public sealed class WeChatMessageLedger(TimeProvider time)
{
    private static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(10);
    private readonly ConcurrentDictionary<string, (Lazy<Task<WeChatReply>> Turn, DateTimeOffset At)> _entries = new(StringComparer.Ordinal);
    private long _lastSweep;

    /// <summary>The turn of this message, started by <paramref name="start"/> if it is new; <c>IsNew</c> false for a retry.</summary>
    public (Task<WeChatReply> Turn, bool IsNew) Begin(string key, Func<Task<WeChatReply>> start)
    {
        var now = time.GetUtcNow();
        Sweep(now);
        var created = new Lazy<Task<WeChatReply>>(start, LazyThreadSafetyMode.ExecutionAndPublication);
        var entry = _entries.GetOrAdd(key, (created, now));
        return (entry.Turn.Value, ReferenceEquals(entry.Turn, created));
    }

    private void Sweep(DateTimeOffset now)
    {
        var last = Interlocked.Read(ref _lastSweep);
        if (now.UtcTicks - last < TimeSpan.TicksPerMinute || Interlocked.CompareExchange(ref _lastSweep, now.UtcTicks, last) != last)
        {
            return;
        }

        foreach (var (key, value) in _entries)
        {
            if (now - value.At > KeptFor && value.Turn.IsValueCreated && value.Turn.Value.IsCompleted)
            {
                _entries.TryRemove(key, out _);
            }
        }
    }
}

/// <summary>What a turn produced for the user: the rendered text (may be empty).</summary>
public sealed record WeChatReply(string Text);
