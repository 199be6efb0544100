using Cppcc.Bot.Storage;
using System.Collections.Concurrent;
using Cppcc.Dialogs.Root;
using LiteDB;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace Cppcc.Bot.Conversations;

/// <summary>
/// The conversation reference of everyone who wrote to or installed the bot, keyed by <see cref="Caller.UserKey"/>,
/// so reminders, broadcasts and status changes can reach them later. Owns the <c>conversation_references</c> collection.
/// </summary>
public sealed class ConversationReferenceStore : IConversationReferenceSink
{
    private const string KeptWhenIdle = "wechat";

    private readonly ILiteCollection<StoredReference> _references;
    private readonly TimeProvider _time;

    // Most turns come from a known user in the same conversation: skip the write when nothing changed.
    private readonly ConcurrentDictionary<string, string> _lastWritten = new(StringComparer.Ordinal);

    /// <summary>Creates the store.</summary>
    public ConversationReferenceStore(ILiteDatabase database, TimeProvider time)
    {
        _references = LiteDbCollections.Open<StoredReference>(database, "conversation_references");
        _references.EnsureIndex(r => r.Role);
        _references.EnsureIndex(r => r.UpdatedAt);
        _time = time;
    }

    /// <inheritdoc />
    public Task RememberAsync(Caller caller, ConversationReference reference, CancellationToken cancellationToken)
    {
        // The incoming activity id is not part of where to send later.
        reference.ActivityId = null;
        var json = JsonConvert.SerializeObject(reference);
        var fingerprint = caller.Role + "|" + json;
        if (_lastWritten.TryGetValue(caller.UserKey, out var last) && last == fingerprint)
        {
            return Task.CompletedTask;
        }

        _references.Upsert(new StoredReference
        {
            Id = caller.UserKey,
            ChannelId = reference.ChannelId ?? "",
            Role = caller.Role.ToString(),
            ReferenceJson = json,
            UpdatedAt = _time.GetUtcNow().UtcDateTime,
        });
        _lastWritten[caller.UserKey] = fingerprint;
        return Task.CompletedTask;
    }

    /// <summary>The stored reference of a user, or null when they never wrote or installed the bot.</summary>
    public ConversationReference? Find(string userKey)
        => _references.FindById(userKey) is { } stored ? JsonConvert.DeserializeObject<ConversationReference>(stored.ReferenceJson) : null;

    /// <summary>Keys of every known user with at least <paramref name="role"/> (members include staff).</summary>
    public IReadOnlyList<string> UserKeys(Role role)
        => _references.FindAll()
            .Where(r => Enum.TryParse<Role>(r.Role, out var stored) && stored >= role)
            .Select(r => r.Id)
            .ToList();

    /// <summary>
    /// Forgets public callers not heard from since <paramref name="cutoff"/>: an anonymous web chat visitor can only
    /// be reached while their page is open, so keeping their references would only grow the collection. WeChat users
    /// stay: their account reaches them later (customer-service messages, subscription notices).
    /// </summary>
    public int ForgetPublicCallersIdleSince(DateTimeOffset cutoff)
    {
        var before = cutoff.UtcDateTime;
        var publicRole = nameof(Role.Public);
        var stale = _references.Find(r => r.UpdatedAt < before && r.Role == publicRole && r.ChannelId != KeptWhenIdle)
            .Select(r => r.Id).ToList();
        foreach (var key in stale)
        {
            _references.Delete(key);
            _lastWritten.TryRemove(key, out _);
        }

        return stale.Count;
    }

    private sealed class StoredReference
    {
        [BsonId]
        public string Id { get; set; } = "";

        public string ChannelId { get; set; } = "";

        public string Role { get; set; } = "";

        public string ReferenceJson { get; set; } = "";

        public DateTime UpdatedAt { get; set; }
    }
}
