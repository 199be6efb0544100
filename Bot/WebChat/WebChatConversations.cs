using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.WebChat;

/// <summary>
/// All live web chat conversations of this process. Nothing here is persisted: history lives in the page and, for
/// what matters (reports, suggestions), in the bot's own stores. A valid token for a dropped conversation resumes it empty.
/// </summary>
internal sealed class WebChatConversations(IOptions<WebChatOptions> options, TimeProvider time) : IDisposable
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

    public bool TryGet(string id, out WebChatConversation conversation) => _byId.TryGetValue(id, out conversation!);

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

/// <summary>The conversation found or started, or why none could be.</summary>
internal readonly record struct StartResult(WebChatConversation? Conversation, bool Started, StartRefusal Refusal);
