using System.Collections.Concurrent;
using Cppcc.Bot.Storage;
using Cppcc.Dialogs.Root;
using LiteDB;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace Cppcc.Bot.Conversations;

/// <summary>
/// <see cref="IConversationReferenceStore"/> on LiteDB: personal references in the collection
/// <c>conversation_references</c>, group chats and channels in <c>shared_conversation_references</c>.
/// </summary>
public sealed class ConversationReferenceStore : IConversationReferenceStore
{
    // WeChat users stay reachable after they leave: customer-service messages and subscription notices.
    private const string KeptWhenIdle = "wechat";

    private readonly ILiteCollection<StoredReference> _personal;
    private readonly ILiteCollection<StoredReference> _shared;
    private readonly TimeProvider _time;

    // Most turns come from a known user in the same conversation: skip the write when nothing changed.
    private readonly ConcurrentDictionary<string, string> _lastWritten = new(StringComparer.Ordinal);

    /// <summary>Creates the store and moves group references written before the two scopes were kept apart.</summary>
    public ConversationReferenceStore(ILiteDatabase database, TimeProvider time)
    {
        _personal = LiteDbCollections.Open<StoredReference>(database, "conversation_references");
        _personal.EnsureIndex(r => r.Role);
        _personal.EnsureIndex(r => r.UpdatedAt);
        _shared = LiteDbCollections.Open<StoredReference>(database, "shared_conversation_references");
        _time = time;
        MoveSharedOutOfPersonal();
    }

    /// <inheritdoc />
    public Task RememberAsync(Caller caller, ConversationReference reference, CancellationToken cancellationToken)
    {
        // The incoming activity id is not part of where to send later.
        reference.ActivityId = null;
        var personal = ConversationScope.IsPersonal(reference);
        var json = JsonConvert.SerializeObject(reference);
        var cacheKey = (personal ? "p|" : "s|") + caller.UserKey;
        var fingerprint = caller.Role + "|" + json;
        if (_lastWritten.TryGetValue(cacheKey, out var last) && last == fingerprint)
        {
            return Task.CompletedTask;
        }

        (personal ? _personal : _shared).Upsert(new StoredReference
        {
            Id = caller.UserKey,
            ChannelId = reference.ChannelId ?? "",
            Role = caller.Role.ToString(),
            ReferenceJson = json,
            UpdatedAt = _time.GetUtcNow().UtcDateTime,
        });
        _lastWritten[cacheKey] = fingerprint;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public ConversationReference? Find(string userKey) => Read(_personal.FindById(userKey));

    /// <inheritdoc />
    public ConversationReference? FindShared(string userKey) => Read(_shared.FindById(userKey));

    /// <inheritdoc />
    public Role? RoleOf(string userKey)
        => (_personal.FindById(userKey) ?? _shared.FindById(userKey)) is { } stored && Enum.TryParse<Role>(stored.Role, out var role) ? role : null;

    /// <inheritdoc />
    public IReadOnlyList<string> UserKeys(Role role)
        => _personal.FindAll().Concat(_shared.FindAll())
            .Where(r => Enum.TryParse<Role>(r.Role, out var stored) && stored >= role)
            .Select(r => r.Id)
            .Distinct(StringComparer.Ordinal)
            .ToList();

    /// <inheritdoc />
    public int ForgetPublicCallersIdleSince(DateTimeOffset cutoff)
    {
        var before = cutoff.UtcDateTime;
        var publicRole = nameof(Role.Public);
        var stale = _personal.Find(r => r.UpdatedAt < before && r.Role == publicRole && r.ChannelId != KeptWhenIdle).Select(r => r.Id).ToList();
        foreach (var key in stale)
        {
            _personal.Delete(key);
            _lastWritten.TryRemove("p|" + key, out _);
        }

        return stale.Count;
    }

    /// <summary>
    /// Before personal and shared references were kept apart, a group message overwrote the one reference per user.
    /// Such a record is no place for private messages: it moves to the shared collection (unless a newer shared one is
    /// there), so the user is reached through a personal chat opened for them instead. Nothing is deleted unmoved.
    /// </summary>
    private void MoveSharedOutOfPersonal()
    {
        var misplaced = _personal.FindAll().Where(r => Read(r) is { } reference && !ConversationScope.IsPersonal(reference)).ToList();
        foreach (var record in misplaced)
        {
            if (_shared.FindById(record.Id) is not { } newer || newer.UpdatedAt < record.UpdatedAt)
            {
                _shared.Upsert(record);
            }

            _personal.Delete(record.Id);
        }
    }

    private static ConversationReference? Read(StoredReference? stored)
        => stored is null ? null : JsonConvert.DeserializeObject<ConversationReference>(stored.ReferenceJson);

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
