using LiteDB;

namespace Cppcc.Bot.Storage;

/// <summary>
/// Reads real pages of every collection. Opening a LiteDB file reads only its header, so a file whose data or index
/// pages are broken opens fine and then fails every list; this finds that at start-up (every document) and for
/// <c>/healthz</c> (the first and last documents and the count of each collection, through the primary index).
/// </summary>
public static class DatabaseReadCheck
{
    /// <summary>Reads every document of every collection; throws what LiteDB throws on a broken page.</summary>
    public static void ReadEverything(ILiteDatabase database)
    {
        foreach (var name in database.GetCollectionNames())
        {
            var collection = database.GetCollection(name);
            var read = 0;
            foreach (var document in collection.FindAll())
            {
                _ = document["_id"];
                read++;
            }

            if (read != collection.Count())
            {
                throw new LiteException(0, $"collection {name}: {read} documents read, the index counts {collection.Count()}");
            }
        }
    }

    /// <summary>A quick read of each collection for health checks: the index walk and both ends of it.</summary>
    public static void ReadSample(ILiteDatabase database)
    {
        foreach (var name in database.GetCollectionNames())
        {
            var collection = database.GetCollection(name);
            _ = collection.Count();
            _ = collection.Query().OrderBy("_id").Limit(1).FirstOrDefault();
            _ = collection.Query().OrderByDescending("_id").Limit(1).FirstOrDefault();
        }
    }
}
