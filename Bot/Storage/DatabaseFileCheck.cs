using System.Buffers.Binary;
using System.Text;
using Cppcc.Bot.Hosting;

namespace Cppcc.Bot.Storage;

/// <summary>
/// Looks at the LiteDB file and its journal before LiteDB opens them. LiteDB turns an empty data file into a new
/// database (a file cut to nothing silently becomes an empty bot, references restarting at 000001), and replays
/// journal pages to whatever page number their headers name (a garbage journal grows the data file to terabytes).
/// Both are refused here with one line naming the file; nothing is written.
/// The page layout is LiteDB 5's (file version 8): 8 KiB pages, each starting with a 32-byte header.
/// </summary>
public static class DatabaseFileCheck
{
    private const int PageSize = 8192;
    private const int PageIdAt = 0;
    private const int PageTypeAt = 4;
    private const int IsConfirmedAt = 18;
    private const int HeaderInfoAt = 32;
    private const int FileVersionAt = 59;
    private const int LastPageIdAt = 64;
    private const int InvalidStateAt = 191;
    private const byte FileVersion = 8;
    private const byte HeaderPageType = 1;
    private const byte HighestPageType = 4;
    private static readonly byte[] HeaderInfo = Encoding.ASCII.GetBytes("** This is a LiteDB file **");

    /// <summary>The journal LiteDB keeps beside <paramref name="databasePath"/> (<c>bot.db</c> → <c>bot-log.db</c>).</summary>
    public static string JournalPathFor(string databasePath)
        => Path.Combine(Path.GetDirectoryName(databasePath)!,
            Path.GetFileNameWithoutExtension(databasePath) + "-log" + Path.GetExtension(databasePath));

    /// <summary>
    /// Throws a <see cref="StartupProblem"/> when the existing files cannot be a healthy LiteDB database. Returns true
    /// when LiteDB marked the file invalid: it does so after any error of its engine, a read of a broken page as much
    /// as a write that found the disk full, so the caller reads the file through before deciding which it was.
    /// </summary>
    public static bool Check(string databasePath)
    {
        var journalPath = JournalPathFor(databasePath);
        var dataExists = File.Exists(databasePath);
        var journalLength = File.Exists(journalPath) ? new FileInfo(journalPath).Length : 0;
        if (!dataExists)
        {
            if (journalLength > 0)
            {
                throw Damaged(journalPath, "日志文件在，但数据库文件不见了 / journal without its database");
            }

            return false; // a new database
        }

        var dataLength = new FileInfo(databasePath).Length;
        var markedInvalid = CheckDataFile(databasePath, dataLength, journalLength);
        if (journalLength > 0)
        {
            CheckJournal(journalPath, journalLength, maxPageId: (dataLength + journalLength) / PageSize);
        }

        return markedInvalid;
    }

    /// <summary>
    /// Clears LiteDB's invalid mark on a file that was read through without an error, after copying the data file and
    /// its journal beside it (<c>bot.db.marked-invalid-20261206T1730Z</c>), so nothing is lost if the read missed
    /// something. Returns the copy of the data file.
    /// </summary>
    public static string ClearInvalidMark(string databasePath, DateTimeOffset now)
    {
        var suffix = ".marked-invalid-" + now.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var copy = databasePath + suffix;
        var journal = JournalPathFor(databasePath);
        try
        {
            File.Copy(databasePath, copy, overwrite: false);
            if (File.Exists(journal))
            {
                File.Copy(journal, journal + suffix, overwrite: false);
            }
        }
        catch (IOException)
        {
            // A copy cut short by a full disk is no copy: remove it, so the next try starts clean and no half file stays.
            File.Delete(copy);
            File.Delete(journal + suffix);
            throw;
        }

        using var stream = new FileStream(databasePath, FileMode.Open, FileAccess.Write, FileShare.Read);
        stream.Position = InvalidStateAt;
        stream.WriteByte(0);
        stream.Flush(flushToDisk: true);
        return copy;
    }

    /// <summary>The one line for a damaged file: which file, what is wrong, what to do.</summary>
    public static StartupProblem Damaged(string file, string reason)
        => new(StartupExitCode.DamagedStorage,
            $"数据库文件已损坏，本进程不启动，也不会改动它：{file}（{reason}）。请从备份恢复（README 部署 B 第 5 步 Backup 的 Restore，或 A7）。" +
            "Damaged database file left untouched; restore it from the backup.");

    private static bool CheckDataFile(string path, long length, long journalLength)
    {
        if (length == 0)
        {
            throw Damaged(path, "0 字节，内容已丢失 / empty file");
        }

        if (length % PageSize != 0 || length < PageSize)
        {
            throw Damaged(path, $"长度 {length} 字节不是 8 KiB 页的整数倍，文件被截断或只写了一半 / truncated or half-written");
        }

        var header = ReadPage(path, 0);
        if (header[PageTypeAt] != HeaderPageType || !header.AsSpan(HeaderInfoAt, HeaderInfo.Length).SequenceEqual(HeaderInfo) || header[FileVersionAt] != FileVersion)
        {
            throw Damaged(path, "文件头不是 LiteDB 5 数据库 / not a LiteDB 5 header");
        }


        // Without a journal the header describes the file alone, so every page it counts must be there. With one, a
        // checkpoint may have been cut short and the journal holds the rest; the journal check bounds it instead.
        var lastPageId = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(LastPageIdAt));
        if (journalLength == 0 && ((long)lastPageId + 1) * PageSize > length)
        {
            throw Damaged(path, $"文件头记有 {(long)lastPageId + 1} 页，文件只有 {length / PageSize} 页：文件被截断 / truncated");
        }

        return header[InvalidStateAt] != 0;
    }

    private static void CheckJournal(string path, long length, long maxPageId)
    {
        if (length % PageSize != 0)
        {
            throw Damaged(path, $"日志长度 {length} 字节不是 8 KiB 页的整数倍 / journal truncated or half-written");
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        var page = new byte[PageSize];
        for (long position = 0; position < length; position += PageSize)
        {
            stream.ReadExactly(page);
            if (page.AsSpan().IndexOfAnyExcept((byte)0) < 0)
            {
                continue; // LiteDB skips zeroed pages too
            }

            var pageId = BinaryPrimitives.ReadUInt32LittleEndian(page.AsSpan(PageIdAt));
            var pageType = page[PageTypeAt];
            var sane = pageType <= HighestPageType
                && page[IsConfirmedAt] <= 1
                && pageId <= maxPageId
                && (pageType == HeaderPageType) == (pageId == 0)
                && (pageType != HeaderPageType || page.AsSpan(HeaderInfoAt, HeaderInfo.Length).SequenceEqual(HeaderInfo));
            if (!sane)
            {
                throw Damaged(path, $"日志第 {position / PageSize + 1} 页不是 LiteDB 的页（页号 {pageId}，类型 {pageType}）/ garbage journal page");
            }
        }
    }

    private static byte[] ReadPage(string path, long position)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        stream.Position = position;
        var page = new byte[PageSize];
        stream.ReadExactly(page);
        return page;
    }
}
