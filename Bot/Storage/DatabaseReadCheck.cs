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

        // The other indexes too: a broken index page passes the walk above and fails the first query that uses it.
        foreach (var index in database.GetCollection("$indexes").FindAll())
        {
            var name = index["collection"].AsString;
            var expression = index["expression"].AsString;
            // A multi-key index ("$.CoSignedKeys[*]") holds one entry per item, not per document, and cannot order a query.
            if (index["name"].AsString == "_id" || expression.Contains("[*]", StringComparison.Ordinal))
            {
                continue;
            }

            var collection = database.GetCollection(name);
            var walked = collection.Query().OrderBy(BsonExpression.Create(expression)).Select("$._id").ToEnumerable().Count();
            if (walked != collection.Count())
            {
                throw new LiteException(0, $"index {name}.{index["name"].AsString}: {walked} entries walked, {collection.Count()} documents");
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
