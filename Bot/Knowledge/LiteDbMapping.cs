using LiteDB;

namespace Cppcc.Bot.Knowledge;

/// <summary>
/// LiteDB builds a type's mapping on first use and publishes it before its members are filled in (for cyclic
/// types), so two hosts starting at once in one process (parallel tests) can see a half-built mapping:
/// "Member X not found on BsonMapper". The stores build theirs here, one at a time, before first use.
/// </summary>
internal static class LiteDbMapping
{
    private static readonly object Gate = new();

    public static ILiteCollection<T> Collection<T>(ILiteDatabase database, string name)
        where T : new()
    {
        lock (Gate)
        {
            database.Mapper.ToDocument(new T());
            return database.GetCollection<T>(name);
        }
    }
}
