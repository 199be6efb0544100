using System.Runtime.InteropServices;
using System.Text;
using Cppcc.Bot.Hosting;

namespace Cppcc.Bot.Storage;

/// <summary>
/// One writer per database file. LiteDB's direct mode takes no lock of its own, so a second bot on the same file runs
/// alongside the first (each overwriting the other's state) or, when it stops, checkpoints and deletes the journal
/// the first is still writing. The lock file <c>bot.db.lock</c> beside the database is held open with an exclusive
/// lock for the life of the process (on Linux an <c>flock</c>, released by the kernel when the process dies, so a
/// crash never leaves a stale lock), and it is taken before LiteDB touches the database or its journal.
/// </summary>
public sealed class DatabaseLock : IDisposable
{
    private readonly FileStream _stream;

    private DatabaseLock(string databasePath, FileStream stream)
    {
        DatabasePath = databasePath;
        _stream = stream;
    }

    /// <summary>The database file this lock guards.</summary>
    public string DatabasePath { get; }

    /// <summary>The lock file beside <paramref name="databasePath"/>.</summary>
    public static string LockPathFor(string databasePath) => databasePath + ".lock";

    /// <summary>Takes the lock, or throws a <see cref="StartupProblem"/> naming the database and the process holding it.</summary>
    public static DatabaseLock Acquire(string databasePath)
    {
        var lockPath = LockPathFor(databasePath);
        FileStream stream;
        try
        {
            // FileShare.None: an exclusive flock on Unix, a sharing lock on Windows; either refuses a second opener.
            stream = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (!HeldByAnother(e))
        {
            // A read-only file system, a full disk: nothing holds the file, it cannot be written.
            throw new StartupProblem(StartupExitCode.StorageUnreadable,
                $"无法创建数据库锁文件 {lockPath}：{e.Message.ReplaceLineEndings(" ")}。请检查磁盘和挂载方式（Storage__Path）。Cannot create the database lock file.");
        }
        catch (IOException)
        {
            throw new StartupProblem(StartupExitCode.StorageInUse,
                $"数据库正被另一个进程使用，本进程不启动：{databasePath}（{HolderOf(lockPath)}，锁文件 {lockPath}）。" +
                "Database in use by another process; stop it first or set Storage__Path to another file.");
        }
        catch (UnauthorizedAccessException)
        {
            throw new StartupProblem(StartupExitCode.StorageUnreadable,
                $"无法创建数据库锁文件 {lockPath}：没有权限。Cannot create the database lock file: permission denied.");
        }

        // Who holds it, for the next process that is refused (read without taking a lock, see HolderOf).
        var owner = Encoding.UTF8.GetBytes($"pid {Environment.ProcessId} {Environment.MachineName}\n");
        stream.SetLength(0);
        stream.Write(owner);
        stream.Flush(flushToDisk: true);
        return new DatabaseLock(databasePath, stream);
    }

    /// <summary>
    /// The lock is taken by someone else: flock's EWOULDBLOCK (11) on Unix, ERROR_SHARING_VIOLATION on Windows; any other
    /// error (EROFS 30, ENOSPC 28) is about the disk, not another process.
    /// </summary>
    private static bool HeldByAnother(IOException e)
        => RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? (e.HResult & 0xFFFF) == 32 : e.HResult == 11;

    /// <summary>Releases the lock (after the database is closed: disposed after it by the container).</summary>
    public void Dispose() => _stream.Dispose();

    /// <summary>
    /// "pid 1234 host" as written by the holder. .NET takes a shared flock on every file it opens, which the holder's
    /// exclusive lock refuses, so the text is read with plain POSIX calls that take none.
    /// </summary>
    private static string HolderOf(string lockPath)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
        {
            return "进程未知 / process unknown";
        }

        var fd = Posix.open(lockPath, 0 /* O_RDONLY */);
        if (fd < 0)
        {
            return "进程未知 / process unknown";
        }

        try
        {
            var buffer = new byte[128];
            var read = Posix.read(fd, buffer, buffer.Length);
            var text = read > 0 ? Encoding.UTF8.GetString(buffer, 0, (int)read).Trim() : "";
            return text.StartsWith("pid ", StringComparison.Ordinal) ? $"进程 {text}" : "进程未知 / process unknown";
        }
        finally
        {
            _ = Posix.close(fd);
        }
    }

    private static class Posix
    {
        [DllImport("libc", SetLastError = true)]
        public static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

        [DllImport("libc", SetLastError = true)]
        public static extern nint read(int fd, byte[] buffer, nint count);

        [DllImport("libc")]
        public static extern int close(int fd);
    }
}
