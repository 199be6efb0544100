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

    public int Count => _byId.Count;

    public static string NewConversationId() => "wc" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(16));

    // directlinejs reserves "dl_" for user ids embedded in the token by the server, which is what these are.
    public static string NewUserId() => "dl_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(12));

    public bool TryGet(string id, out WebChatConversation conversation) => _byId.TryGetValue(id, out conversation!);

    /// <summary>Finds the conversation a token grants, or creates it; null when the process is at its conversation cap.</summary>
    public WebChatConversation? GetOrStart(string id, string userId, long startAfter, out bool started)
    {
        started = false;
        if (_byId.TryGetValue(id, out var existing))
        {
            return existing;
        }

        if (_byId.Count >= _options.MaxConversations && (RemoveIdle() == 0 || _byId.Count >= _options.MaxConversations))
        {
            return null;
        }

        var created = new WebChatConversation(id, userId, _options.MaxActivitiesPerConversation, _options.MaxKeptCharsPerConversation, time.GetUtcNow(), startAfter);
        var winner = _byId.GetOrAdd(id, created);
        if (!ReferenceEquals(winner, created))
        {
            created.Dispose();
        }

        started = ReferenceEquals(winner, created);
        return winner;
    }

    /// <summary>Drops conversations whose client has been silent longer than the idle timeout.</summary>
    public int RemoveIdle()
    {
        var cutoff = time.GetUtcNow() - _options.IdleTimeout;
        var removed = 0;
        foreach (var (id, conversation) in _byId)
        {
            if (conversation.LastSeen < cutoff && _byId.TryRemove(new KeyValuePair<string, WebChatConversation>(id, conversation)))
            {
                conversation.Dispose();
                removed++;
            }
        }

        return removed;
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
