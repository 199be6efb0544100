namespace Cppcc.Bot.Storage;

/// <summary>The storage engine behind every store (<c>Storage:Provider</c>).</summary>
public enum StorageProvider
{
    /// <summary>One embedded LiteDB file, held by one process: the zero-configuration default for a district.</summary>
    LiteDb,

    /// <summary>A PostgreSQL database shared by any number of bot instances (<c>ConnectionStrings:PostgreSql</c>).</summary>
    PostgreSql,
}
