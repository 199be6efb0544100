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
        try
        {
            DatabaseFileCheck.Check(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(path, e);
        }

        try
        {
            if (File.Exists(path))
            {
                // Read-only first: when LiteDB meets a broken page it marks the file invalid, which a read-only
                // engine cannot write, so a damaged file stays exactly as it was for the restore.
                using var check = new LiteDatabase(Connection(path, readOnly: true), new BsonMapper());
                DatabaseReadCheck.ReadEverything(check);
            }

            // A mapper of its own: BsonMapper.Global would be shared by every database in the process (test hosts).
            return new LiteDatabase(Connection(path, readOnly: false), new BsonMapper());
        }
        catch (Exception e) when (e is LiteException or IOException or UnauthorizedAccessException or InvalidCastException or FormatException)
        {
            throw e is LiteException
                ? DatabaseFileCheck.Damaged(path, "LiteDB 读取失败：" + OneLine(e.Message))
                : Unreadable(path, e);
        }
    }

    private static ConnectionString Connection(string path, bool readOnly)
        => new() { Filename = path, Connection = ConnectionType.Direct, ReadOnly = readOnly };

    private static StartupProblem Unreadable(string path, Exception e)
        => new(StartupExitCode.StorageUnreadable,
            $"无法读取数据库文件 {path}：{OneLine(e.Message)}。请检查路径和权限（Storage__Path）。Cannot read the database file.");

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");
}
