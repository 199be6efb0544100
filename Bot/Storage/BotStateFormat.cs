using System.Security.Cryptography;
using System.Text;
using Newtonsoft.Json;

namespace Cppcc.Bot.Storage;

/// <summary>
/// How bot state is written, the same on every engine so a LiteDB file's state can be moved to PostgreSQL as it is:
/// Newtonsoft JSON with type names (values round-trip with their types, only allowed types are read back) under a
/// document id that is the key, or a hash of a very long key.
/// </summary>
public static class BotStateFormat
{
    private const int MaxKeyLength = 200;

    /// <summary>The serializer settings of stored state.</summary>
    public static JsonSerializerSettings Json { get; } = new()
    {
        TypeNameHandling = TypeNameHandling.All,
        SerializationBinder = new AllowListSerializationBinder(),
        MaxDepth = 64,
    };

    /// <summary>Keys come from channel ids of any length; long ones are hashed to stay within index key limits.</summary>
    public static string DocumentId(string key)
        => key.Length <= MaxKeyLength ? key : "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>A fresh ETag for a written value.</summary>
    public static string NewETag() => Guid.NewGuid().ToString("N");

    /// <summary>The exception both engines throw for a stale ETag (the SDK's storages use the same type and wording).</summary>
    public static InvalidOperationException Conflict(string key, string etag, string? current)
        => new($"Etag conflict for key '{key}'.\r\n\r\nOriginal: {etag}\r\nCurrent: {current}");
}
