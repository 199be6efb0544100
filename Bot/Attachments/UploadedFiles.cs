using System.Collections.Concurrent;

namespace Cppcc.Bot.Attachments;

/// <summary>
/// Files posted to the embedded Direct Line's upload endpoint, held in memory for the turn that follows: the activity
/// names each by <c>webchat-upload:{id}</c>, and only a turn of the same conversation can take it, once.
/// Entries left behind (a turn that failed) go after <see cref="Lifetime"/>.
/// </summary>
public sealed class UploadedFiles(TimeProvider time)
{
    /// <summary>The scheme of the content URLs that name held files.</summary>
    public const string Scheme = "webchat-upload";

    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, Held> _held = new(StringComparer.Ordinal);

    /// <summary>Holds the bytes for <paramref name="conversationId"/>; returns the content URL that names them.</summary>
    public string Hold(string conversationId, byte[] bytes)
    {
        var now = time.GetUtcNow();
        foreach (var stale in _held.Where(h => now - h.Value.At > Lifetime).Select(h => h.Key).ToList())
        {
            _held.TryRemove(stale, out _);
        }

        var id = Guid.NewGuid().ToString("N");
        _held[id] = new Held(conversationId, bytes, now);
        return $"{Scheme}:{id}";
    }

    /// <summary>The bytes named by <paramref name="contentUrl"/> if they were held for this conversation (removed then), else null.</summary>
    public byte[]? Take(string contentUrl, string conversationId)
    {
        var id = contentUrl.StartsWith(Scheme + ":", StringComparison.Ordinal) ? contentUrl[(Scheme.Length + 1)..] : "";
        return _held.TryGetValue(id, out var held) && held.ConversationId == conversationId && _held.TryRemove(id, out _) ? held.Bytes : null;
    }

    private sealed record Held(string ConversationId, byte[] Bytes, DateTimeOffset At);
}
