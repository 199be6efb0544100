using LiteDB;
using Microsoft.Bot.Builder;
using Newtonsoft.Json;

namespace Cppcc.Bot.Storage;

/// <summary>
/// The Bot Framework <see cref="IStorage"/> on LiteDB: many keys per call, ETag optimistic concurrency (a stale ETag
/// fails, <c>*</c> or none always wins, as MemoryStorage does) and values that round-trip with their types.
/// Owns the <c>bot_state</c> collection.
/// </summary>
public sealed class LiteDbStorage : IStorage
{
    private static readonly JsonSerializerSettings Json = BotStateFormat.Json;

    private readonly ILiteDatabase _database;
    private readonly ILiteCollection<StateDocument> _documents;
    private readonly object _writeGate = new();

    /// <summary>Creates the storage over an open database.</summary>
    public LiteDbStorage(ILiteDatabase database)
    {
        _database = database;
        _documents = LiteDbCollections.Open<StateDocument>(database, "bot_state");
    }

    /// <inheritdoc />
    public Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        IDictionary<string, object> result = new Dictionary<string, object>(keys.Length);
        foreach (var key in keys.Distinct())
        {
            var document = _documents.FindById(DocumentId(key));
            if (document is null)
            {
                continue;
            }

            var value = JsonConvert.DeserializeObject(document.Json, Json);
            if (value is IStoreItem item)
            {
                item.ETag = document.ETag;
            }

            if (value is not null)
            {
                result[key] = value;
            }
        }

        return Task.FromResult(result);
    }

    /// <inheritdoc />
    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        var documents = changes.Select(c => (Key: c.Key, Id: DocumentId(c.Key), Value: c.Value)).ToList();
        lock (_writeGate)
        {
            // Check every ETag before writing anything: a conflict on one key must not leave the others half-written.
            foreach (var (key, id, value) in documents)
            {
                if (value is IStoreItem { ETag: { } etag } && etag != "*"
                    && _documents.FindById(id) is { } existing && existing.ETag != etag)
                {
                    throw BotStateFormat.Conflict(key, etag, existing.ETag);
                }
            }

            _database.BeginTrans();
            try
            {
                foreach (var (_, id, value) in documents)
                {
                    _documents.Upsert(new StateDocument { Id = id, Json = JsonConvert.SerializeObject(value, Json), ETag = NewETag() });
                }

                _database.Commit();
            }
            catch
            {
                _database.Rollback();
                throw;
            }
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        lock (_writeGate)
        {
            foreach (var key in keys)
            {
                _documents.Delete(DocumentId(key));
            }
        }

        return Task.CompletedTask;
    }

    private static string DocumentId(string key) => BotStateFormat.DocumentId(key);

    private static string NewETag() => BotStateFormat.NewETag();

    private sealed class StateDocument
    {
        [BsonId]
        public string Id { get; set; } = "";

        public string Json { get; set; } = "";

        public string ETag { get; set; } = "";
    }
}
