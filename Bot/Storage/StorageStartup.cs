using Cppcc.Bot.Hosting;
using LiteDB;

namespace Cppcc.Bot.Storage;

/// <summary>
/// Opening the database at start-up, in the only safe order: the lock, then a look at the files, then LiteDB, then
/// a read of every collection. Each refusal is a <see cref="StartupProblem"/> naming the file.
/// </summary>
public static class StorageStartup
{
    /// <summary>Creates the folder if needed and takes the database's lock.</summary>
    public static DatabaseLock Lock(string databasePath)
    {
        try
        {
            // A symbolic link stands for the file it points to: checked, locked and opened there, so that a second
            // process reaching the same file through another name meets the same lock.
            if (new FileInfo(databasePath) is { LinkTarget: not null } link && link.ResolveLinkTarget(returnFinalTarget: true) is { } target)
            {
                databasePath = target.FullName;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(databasePath)!);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(databasePath, e);
        }

        return DatabaseLock.Acquire(databasePath);
    }

    /// <summary>Checks the files, opens LiteDB on them and reads every collection once.</summary>
    public static LiteDatabase Open(DatabaseLock databaseLock)
    {
        var path = databaseLock.DatabasePath;
        bool markedInvalid;
        try
        {
            markedInvalid = DatabaseFileCheck.Check(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(path, e);
        }

        if (File.Exists(path))
        {
            ReadThrough(path, markedInvalid);
        }

        if (markedInvalid)
        {
            KeepAndClearMark(path);
        }

        try
        {
            // A mapper of its own: BsonMapper.Global would be shared by every database in the process (test hosts).
            return new LiteDatabase(Connection(path, readOnly: false), new BsonMapper());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(path, e);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw DatabaseFileCheck.Damaged(path, "LiteDB 打开失败：" + OneLine(e.Message));
        }
    }

    /// <summary>
    /// Reads every document and index read-only: when LiteDB meets a broken page it marks the file invalid, which a
    /// read-only engine cannot write, so a damaged file stays exactly as it was for the restore. Whatever a broken page
    /// makes LiteDB throw (its own errors, a bad string, a bad cast) means damage.
    /// </summary>
    private static void ReadThrough(string path, bool markedInvalid)
    {
        try
        {
            using var check = new LiteDatabase(Connection(path, readOnly: true), new BsonMapper());
            DatabaseReadCheck.ReadEverything(check);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(path, e);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw DatabaseFileCheck.Damaged(path, (markedInvalid ? "LiteDB 上次出错时已把它标记为无效，" : "") + "LiteDB 读取失败：" + OneLine(e.Message));
        }
    }

    /// <summary>
    /// LiteDB marks the file invalid after any engine error; when every page still reads (a write refused by a full
    /// disk, not a broken page), the mark is cleared after copying both files beside them, and the operator is told.
    /// </summary>
    private static void KeepAndClearMark(string path)
    {
        try
        {
            var copy = DatabaseFileCheck.ClearInvalidMark(path, DateTimeOffset.UtcNow);
            Console.Error.WriteLine($"数据库文件上次因出错（如磁盘已满）被 LiteDB 标记为无效；全部数据已逐条读过，完好，已清除标记继续启动。原文件副本：{copy}。" +
                " The database was marked invalid after an error (such as a full disk); every record read back fine, so the mark was cleared and a copy kept.");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupProblem(StartupExitCode.StorageUnreadable,
                $"数据库文件 {path} 上次因出错被标记为无效，数据读来完好，但无法先保存副本再清除标记：{OneLine(e.Message)}。请先腾出磁盘空间再启动。" +
                "Could not keep a copy before clearing the invalid mark; free some disk space and start again.");
        }
    }

    private static ConnectionString Connection(string path, bool readOnly)
        => new() { Filename = path, Connection = ConnectionType.Direct, ReadOnly = readOnly };

    private static StartupProblem Unreadable(string path, Exception e)
        => new(StartupExitCode.StorageUnreadable,
            $"无法读取数据库文件 {path}：{OneLine(e.Message)}。请检查路径和权限（Storage__Path）。Cannot read the database file.");

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
