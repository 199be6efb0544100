using LiteDB;

namespace Cppcc.Bot.Storage;

/// <summary>
/// How every store opens its collection. LiteDB builds a type's mapping on first use and publishes it before its
/// members are filled in, so two stores created at once (parallel first requests, or parallel test hosts) can see a
/// half-built mapping ("Member X not found on BsonMapper"). Each store builds its mapping here, one at a time.
/// </summary>
public static class LiteDbCollections
{
    private static readonly object Gate = new();

    /// <summary>The collection <paramref name="name"/> of documents <typeparamref name="T"/>, with its mapping built.</summary>
    public static ILiteCollection<T> Open<T>(ILiteDatabase database, string name)
        where T : new()
    {
        lock (Gate)
        {
            database.Mapper.ToDocument(new T());
            return database.GetCollection<T>(name);
        }
    }

    /// <summary>A stored document read as <typeparamref name="T"/>, exactly as the store's collection reads it.</summary>
    public static T Read<T>(ILiteDatabase database, BsonDocument document)
        where T : new()
    {
        lock (Gate)
        {
            database.Mapper.ToDocument(new T());
        }

        return database.Mapper.ToObject<T>(document);
    }
}
