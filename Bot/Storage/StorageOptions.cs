namespace Cppcc.Bot.Storage;

/// <summary>Where the LiteDB file lives (contract key <c>Storage:Path</c>).</summary>
public sealed class StorageOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "Storage";

    /// <summary>The LiteDB file; relative paths are under the content root. Its folder is created on demand.</summary>
    public string Path { get; set; } = "data/bot.db";
}
