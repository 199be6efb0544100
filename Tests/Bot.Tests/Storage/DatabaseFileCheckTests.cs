using Cppcc.Bot.Hosting;
using Cppcc.Bot.Storage;
using Cppcc.Bot.Tests.Support;
using LiteDB;

namespace Cppcc.Bot.Tests.Storage;

/// <summary>The pre-open look at the files must never refuse a database LiteDB itself can recover.</summary>
public sealed class DatabaseFileCheckTests : IDisposable
{
    private readonly TempDatabase _file = new();

    [Fact]
    public void A_new_database_and_a_cleanly_closed_one_pass()
    {
        DatabaseFileCheck.Check(_file.FilePath);
        using (var db = _file.Open())
        {
            db.GetCollection("items").Insert(new BsonDocument { ["n"] = 1 });
        }

        DatabaseFileCheck.Check(_file.FilePath);
    }

    [Fact]
    public void A_database_copied_while_open_with_its_journal_passes_and_opens_with_every_document()
    {
        var copy = Path.Combine(_file.Folder, "copy.db");
        using (var db = _file.Open())
        {
            var items = db.GetCollection("items");
            for (var i = 0; i < 500; i++)
            {
                items.Insert(new BsonDocument { ["n"] = i, ["text"] = new string('字', 100) });
            }

            // As a crash (or a snapshot of a running bot) leaves them: the journal not yet written back.
            Assert.True(File.Exists(DatabaseFileCheck.JournalPathFor(_file.FilePath)));
            File.Copy(_file.FilePath, copy);
            File.Copy(DatabaseFileCheck.JournalPathFor(_file.FilePath), DatabaseFileCheck.JournalPathFor(copy));
        }

        DatabaseFileCheck.Check(copy);
        using var reopened = new LiteDatabase(new ConnectionString { Filename = copy, Connection = ConnectionType.Direct });
        DatabaseReadCheck.ReadEverything(reopened);
        Assert.Equal(500, reopened.GetCollection("items").Count());
    }

    [Fact]
    public void A_journal_without_its_database_is_refused()
    {
        File.WriteAllBytes(DatabaseFileCheck.JournalPathFor(_file.FilePath), new byte[8192 * 2]);

        var problem = Assert.Throws<StartupProblem>(() => DatabaseFileCheck.Check(_file.FilePath));

        Assert.Equal(StartupExitCode.DamagedStorage, problem.ExitCode);
    }

    public void Dispose() => _file.Dispose();
}
