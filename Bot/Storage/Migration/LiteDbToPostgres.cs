using Cppcc.Bot.Conversations;
using Cppcc.Bot.Storage.Postgres;
using LiteDB;
using Npgsql;

namespace Cppcc.Bot.Storage.Migration;

/// <summary>
/// Copies a LiteDB file's data into an empty PostgreSQL database, all in one transaction: either every row is there
/// afterwards or none is. A database that already holds data of any copied table is refused, so running it twice, or
/// against a database a bot already uses, changes nothing.
/// </summary>
public static class LiteDbToPostgres
{
    /// <summary>Rows copied per collection; collections of the file that have no PostgreSQL store yet are listed.</summary>
    public sealed record Result(IReadOnlyList<(string Collection, int Rows)> Copied, IReadOnlyList<string> NotCopied);

    /// <summary>Why nothing was copied: one line for the operator.</summary>
    public sealed class Refused(string message) : Exception(message);

    /// <summary>Copies <paramref name="database"/> (held under its lock by the caller) into <paramref name="target"/>.</summary>
    public static Result Copy(ILiteDatabase database, NpgsqlDataSource target, IReadOnlyList<CollectionCopy> copies)
    {
        // Group references written before personal and shared ones were kept apart move as the bot moves them at start.
        _ = new ConversationReferenceStore(database, TimeProvider.System);

        using var connection = target.OpenConnection();
        using var transaction = connection.BeginTransaction();
        foreach (var copy in copies)
        {
            var rows = transaction.Query($"SELECT count(*) FROM {copy.Table}", r => r.GetInt64(0))[0];
            if (rows > 0)
            {
                throw new Refused(
                    $"目标数据库不是空的：表 {copy.Table} 已有 {rows} 行，未复制任何数据。迁移只写入空的 PostgreSQL 数据库。" +
                    $"The target database is not empty (table {copy.Table} has {rows} rows); nothing was copied.");
            }
        }

        var copied = new List<(string, int)>();
        var names = database.GetCollectionNames().ToHashSet(StringComparer.Ordinal);
        foreach (var copy in copies)
        {
            var count = 0;
            if (names.Contains(copy.Collection))
            {
                foreach (var document in database.GetCollection(copy.Collection).FindAll().Where(d => copy.Include?.Invoke(d) ?? true))
                {
                    transaction.Execute(copy.Insert, copy.Row(document, database));
                    count++;
                }
            }

            if (copy.After is not null)
            {
                transaction.Execute(copy.After);
            }

            copied.Add((copy.Collection, count));
        }

        transaction.Commit();
        // The audit head is not copied: it is set from the copied chain (see the audit line of StoreCopies).
        var known = copies.Select(c => c.Collection).Append("audit_head").ToHashSet(StringComparer.Ordinal);
        // LiteDB's own file storage collections hold the WeChat image bytes, copied with their images.
        var notCopied = names.Where(n => !known.Contains(n) && !n.StartsWith('_')).Order(StringComparer.Ordinal).ToList();
        return new Result(copied, notCopied);
    }
}
