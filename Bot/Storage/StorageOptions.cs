namespace Cppcc.Bot.Storage;

/// <summary>Which engine stores the bot's data, and where the LiteDB file lives (see docs/contract.md).</summary>
public sealed class StorageOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Storage";

    /// <summary>The name of the PostgreSQL connection string under <c>ConnectionStrings</c>.</summary>
    public const string PostgreSqlConnectionName = "PostgreSql";

    /// <summary>The engine; LiteDB unless the office runs more than one instance.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.LiteDb;

    /// <summary>The LiteDB file; relative paths are under the content root. Its folder is created on demand.</summary>
    public string Path { get; set; } = "data/bot.db";

    /// <summary>
    /// Below this many free megabytes on the LiteDB file's volume <c>/healthz</c> answers 503 (0 = not checked). The
    /// default leaves room for the journal and a day of ordinary writes while someone frees space.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(0, int.MaxValue)]
    public int MinFreeSpaceMB { get; set; } = 50;
}
