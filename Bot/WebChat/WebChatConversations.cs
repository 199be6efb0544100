using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.WebChat;

/// <summary>
/// All live web chat conversations of this process. With LiteDB nothing here is persisted: history lives in the page
/// and, for what matters (reports, suggestions), in the bot's own stores. With PostgreSQL (<paramref name="shared"/>)
/// the conversations are rows every instance sees, and this holds the ones this instance has been asked about.
/// A valid token for a dropped conversation resumes it empty.
/// </summary>
internal sealed class WebChatConversations(IOptions<WebChatOptions> options, TimeProvider time, IWebChatDirectory? shared = null) : IDisposable
{
    private readonly ConcurrentDictionary<string, WebChatConversation> _byId = new(StringComparer.Ordinal);
    private readonly WebChatOptions _options = options.Value;

    // Creation and removal take this lock so the per-address counts stay exact; lookups of live conversations do not.
    private readonly Lock _startGate = new();
    private readonly Dictionary<string, int> _perClient = new(StringComparer.Ordinal);

    public int Count => _byId.Count;

    public static string NewConversationId() => "wc" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    // directlinejs reserves "dl_" for user ids embedded in the token by the server, which is what these are.
    public static string NewUserId() => "dl_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(12));

    /// <summary>A conversation this instance holds (a turn of it runs here, or it was looked up here).</summary>
    public bool TryGet(string id, out WebChatConversation conversation) => _byId.TryGetValue(id, out conversation!);

    /// <summary>The live conversation <paramref name="id"/>, wherever it was started; null when there is none.</summary>
    public async ValueTask<WebChatConversation?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (_byId.TryGetValue(id, out var held) || shared is null)
        {
            return held;
        }

        return await shared.FindAsync(id, cancellationToken) is { } row ? Hold(row) : null;
    }

    /// <summary>
    /// <see cref="GetOrStart"/>, or with PostgreSQL its shared form: the caps count every instance's conversations, and
    /// only the instance that created the row runs the welcome turn.
    /// </summary>
    public async ValueTask<StartResult> GetOrStartAsync(string id, string userId, string clientAddress, long startAfter, CancellationToken cancellationToken)
    {
        if (shared is null)
        {
            return GetOrStart(id, userId, clientAddress, startAfter);
        }

        // The row, not a handle held here: another instance may have dropped the conversation, which then resumes.
        if (await shared.FindAsync(id, cancellationToken) is { } found)
        {
            return new StartResult(Hold(found), Started: false, StartRefusal.None);
        }

        if (_byId.TryRemove(id, out var stale))
        {
            stale.Dispose();
        }

        var row = new SharedConversation(id, userId, clientAddress);
        var refusal = await shared.TryStartAsync(row, startAfter, time.GetUtcNow(), cancellationToken);
        if (refusal is { } refused)
        {
            // Another instance may have created it in between: then it is there to continue.
            return await FindAsync(id, cancellationToken) is { } raced
                ? new StartResult(raced, Started: false, StartRefusal.None)
                : new StartResult(null, Started: false, refused);
        }

        return new StartResult(Hold(row), Started: true, StartRefusal.None);
    }

    /// <summary>Drops idle conversations: this process's, and with PostgreSQL every instance's rows past the timeout.</summary>
    public async Task<int> RemoveIdleAsync(CancellationToken cancellationToken)
    {
        if (shared is null)
        {
            return RemoveIdle();
        }

        var now = time.GetUtcNow();
        var cutoff = now - _options.IdleTimeout;
        // Reads, polls and keep-alives touch the conversation here only; the row learns of them now, before any
        // instance judges it idle.
        await shared.TouchAsync(_byId.Values.Where(c => c.LastSeen >= cutoff).Select(c => (c.Id, c.LastSeen)).ToList(), cancellationToken);
        var removed = await shared.RemoveIdleAsync(cutoff, cancellationToken);
        foreach (var (id, conversation) in _byId)
        {
            // Rows removed anywhere, and handles nobody here has used for the timeout (a later request finds the row again).
            if ((removed.Contains(id) || conversation.LastSeen < cutoff)
                && _byId.TryRemove(new KeyValuePair<string, WebChatConversation>(id, conversation)))
            {
                conversation.Dispose();
            }
        }

        return removed.Count;
    }

    /// <summary>Wakes every held conversation's streams (after notifications may have been missed).</summary>
    public void SignalAll()
    {
        foreach (var conversation in _byId.Values)
        {
            conversation.Signal();
        }
    }

    private WebChatConversation Hold(SharedConversation row) => _byId.GetOrAdd(row.Id, _ =>
        new WebChatConversation(row.Id, row.UserId, _options.MaxActivitiesPerConversation, _options.MaxKeptCharsPerConversation, time.GetUtcNow())
        {
            ClientAddress = row.ClientAddress,
        });

    /// <summary>
    /// Finds the conversation a token grants, or creates it for <paramref name="clientAddress"/>. Refused when the
    /// process is at its conversation cap, or when that address already holds its share of it, so that one address
    /// (one machine, or one /64 for IPv6) cannot take the places of everyone else.
    /// </summary>
    public StartResult GetOrStart(string id, string userId, string clientAddress, long startAfter)
    {
        if (_byId.TryGetValue(id, out var existing))
        {
            return new StartResult(existing, Started: false, StartRefusal.None);
        }

        lock (_startGate)
        {
            if (_byId.TryGetValue(id, out existing))
            {
                return new StartResult(existing, Started: false, StartRefusal.None);
            }

            if (IsFull(clientAddress) && (RemoveIdle() == 0 || IsFull(clientAddress)))
            {
                return new StartResult(null, Started: false,
                    Held(clientAddress) >= _options.MaxConversationsPerClient ? StartRefusal.ClientShareUsed : StartRefusal.PoolFull);
            }

            var created = new WebChatConversation(id, userId, _options.MaxActivitiesPerConversation, _options.MaxKeptCharsPerConversation, time.GetUtcNow(), startAfter)
            {
                ClientAddress = clientAddress,
            };
            _byId[id] = created;
            _perClient[clientAddress] = Held(clientAddress) + 1;
            return new StartResult(created, Started: true, StartRefusal.None);
        }
    }

    /// <summary>Live conversations opened from <paramref name="clientAddress"/>.</summary>
    public int HeldBy(string clientAddress)
    {
        lock (_startGate)
        {
            return Held(clientAddress);
        }
    }

    private int Held(string clientAddress) => _perClient.GetValueOrDefault(clientAddress);

    /// <summary>Drops conversations whose client has been silent longer than the idle timeout.</summary>
    public int RemoveIdle()
    {
        var cutoff = time.GetUtcNow() - _options.IdleTimeout;
        var removed = 0;
        lock (_startGate)
        {
            foreach (var (id, conversation) in _byId)
            {
                if (conversation.LastSeen < cutoff && _byId.TryRemove(new KeyValuePair<string, WebChatConversation>(id, conversation)))
                {
                    Release(conversation.ClientAddress);
                    conversation.Dispose();
                    removed++;
                }
            }
        }

        return removed;
    }

    private bool IsFull(string clientAddress) =>
        _byId.Count >= _options.MaxConversations || Held(clientAddress) >= _options.MaxConversationsPerClient;

    private void Release(string clientAddress)
    {
        var left = _perClient.GetValueOrDefault(clientAddress) - 1;
        if (left > 0)
        {
            _perClient[clientAddress] = left;
        }
        else
        {
            _perClient.Remove(clientAddress);
        }
    }

    public void Dispose()
    {
        foreach (var conversation in _byId.Values)
        {
            conversation.Dispose();
        }

        _byId.Clear();
    }
}

internal enum StartRefusal { None, PoolFull, ClientShareUsed }

/// <summary>What every instance knows of a conversation kept in the shared database.</summary>
internal sealed record SharedConversation(string Id, string UserId, string ClientAddress);

/// <summary>The conversations' rows in a database every instance uses (PostgreSQL).</summary>
internal interface IWebChatDirectory
{
    Task<SharedConversation?> FindAsync(string id, CancellationToken cancellationToken);

    /// <summary>Creates the row. Null when it was created here; otherwise the cap that refused it, or any refusal
    /// when the row was there already (the caller then finds it).</summary>
    Task<StartRefusal?> TryStartAsync(SharedConversation conversation, long startAfter, DateTimeOffset now, CancellationToken cancellationToken);

    Task TouchAsync(IReadOnlyList<(string Id, DateTimeOffset LastSeen)> seen, CancellationToken cancellationToken);

    /// <summary>Deletes the rows (and activities) of conversations last seen before <paramref name="cutoff"/>.</summary>
    Task<IReadOnlySet<string>> RemoveIdleAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}

/// <summary>The conversation found or started, or why none could be.</summary>
internal readonly record struct StartResult(WebChatConversation? Conversation, bool Started, StartRefusal Refusal);
