using LiteDB;

namespace Cppcc.Bot.Tests.Support;

/// <summary>A LiteDB file in a fresh temp folder, deleted with the test.</summary>
public sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Folder = Path.Combine(Path.GetTempPath(), "cppcc-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        FilePath = Path.Combine(Folder, "bot.db");
    }

    public string Folder { get; }

    public string FilePath { get; }

    public LiteDatabase Open() => new(new ConnectionString { Filename = FilePath, Connection = ConnectionType.Direct });

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A host still shutting down may hold the file a moment longer; the OS temp cleaner takes it.
        }
    }
}
