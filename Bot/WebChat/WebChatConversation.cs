namespace Cppcc.Bot.WebChat;

/// <summary>One activity as the client will see it, serialized once.</summary>
internal readonly record struct StoredActivity(long Sequence, string Json);

/// <summary>
/// One Direct Line conversation held in memory: the activities the client can read (bounded), a change signal for
/// WebSocket streams and the lock that keeps the bot's turns for it in order.
/// </summary>
internal sealed class WebChatConversation : IDisposable
{
    private readonly object _gate = new();
    private readonly List<StoredActivity> _activities = [];
    private readonly int _maxActivities;
    private readonly int _maxChars;
    private long _chars;
    private readonly CancellationTokenSource _ended = new();
    private TaskCompletionSource _changed = NewSignal();
    private long _lastSequence;
    private long _lastSeenTicks;
    private int _sockets;
    private long _lastNoticeTicks;

    /// <param name="startAfter">The client's watermark when a dropped conversation is resumed, so that it misses nothing new.</param>
    public WebChatConversation(string id, string userId, int maxActivities, int maxChars, DateTimeOffset now, long startAfter = 0)
    {
        Id = id;
        _lastSequence = Math.Clamp(startAfter, 0, int.MaxValue); // a client-supplied number: keep it far from overflow
        UserId = userId;
        _maxActivities = maxActivities;
        _maxChars = maxChars;
        Touch(now);
    }

    public string Id { get; }

    public string UserId { get; }

    /// <summary>Limit key of the address that opened it (<see cref="Limits.ClientAddress"/>): its share of the pool,
    /// and the address the visitor's look-ups and hand-offs count against.</summary>
    public string ClientAddress { get; init; } = Limits.ClientAddress.Unknown;

    /// <summary>Held while the bot runs a turn of this conversation, so dialog state is never written by two turns at once.</summary>
    public SemaphoreSlim TurnLock { get; } = new(1, 1);

    /// <summary>Cancelled when the conversation is dropped (idle clean-up, shutdown): streams close.</summary>
    public CancellationToken Ended => _ended.Token;

    public DateTimeOffset LastSeen => new(Interlocked.Read(ref _lastSeenTicks), TimeSpan.Zero);

    /// <summary>Last time the client was heard from (request, poll, socket ping).</summary>
    public void Touch(DateTimeOffset now) => Interlocked.Exchange(ref _lastSeenTicks, now.UtcTicks);

    /// <summary>Appends an activity; <paramref name="serialize"/> receives the id it was given and returns its JSON.</summary>
    public string Append(Func<string, string> serialize)
    {
        TaskCompletionSource changed;
        string id;
        lock (_gate)
        {
            var sequence = ++_lastSequence;
            id = ActivityId(sequence);
            var json = serialize(id);
            _activities.Add(new StoredActivity(sequence, json));
            _chars += json.Length;
            var drop = 0;
            while (_activities.Count - drop > 1 && (_activities.Count - drop > _maxActivities || _chars > _maxChars))
            {
                _chars -= _activities[drop++].Json.Length;
            }

            _activities.RemoveRange(0, drop);

            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
        return id;
    }

    /// <summary>Activities after <paramref name="watermark"/> and the watermark to ask with next time.</summary>
    public (IReadOnlyList<StoredActivity> Activities, long Watermark) ReadAfter(long watermark)
    {
        lock (_gate)
        {
            if (_activities.Count == 0 || watermark >= _lastSequence)
            {
                return ([], Math.Max(0, Math.Min(watermark, _lastSequence)));
            }

            var first = _activities[0].Sequence;
            var start = (int)Math.Max(0, watermark + 1 - first);
            return (_activities.GetRange(start, _activities.Count - start), _lastSequence);
        }
    }

    /// <summary>Completes at the next append after now (capture it before reading to miss nothing).</summary>
    public Task Changed
    {
        get
        {
            lock (_gate)
            {
                return _changed.Task;
            }
        }
    }

    /// <summary>True at most once per <paramref name="interval"/>: limit notices must not flood the transcript themselves.</summary>
    public bool ShouldNotify(DateTimeOffset now, TimeSpan interval)
    {
        var last = Interlocked.Read(ref _lastNoticeTicks);
        return now.UtcTicks - last >= interval.Ticks && Interlocked.CompareExchange(ref _lastNoticeTicks, now.UtcTicks, last) == last;
    }

    public bool TryOpenSocket(int max)
    {
        if (Interlocked.Increment(ref _sockets) <= max)
        {
            return true;
        }

        Interlocked.Decrement(ref _sockets);
        return false;
    }

    public void CloseSocket() => Interlocked.Decrement(ref _sockets);

    /// <summary>Wakes the streams waiting on <see cref="Changed"/>: something was appended where they read from.</summary>
    public void Signal()
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
    }

    public void Dispose()
    {
        // Not disposed: streams may still read Ended after the conversation is dropped.
        _ended.Cancel();
    }

    /// <summary>The Direct Line id of the activity at <paramref name="sequence"/> (what the watermark counts).</summary>
    public string ActivityId(long sequence) => $"{Id}|{sequence:D7}";

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
