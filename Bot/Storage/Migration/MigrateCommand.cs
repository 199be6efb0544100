using Cppcc.Bot.Hosting;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Cppcc.Bot.Storage.Migration;

/// <summary>
/// <c>migrate [--from &lt;file&gt;]</c> (default <c>Storage:Path</c>): copies a LiteDB file into the configured PostgreSQL database
/// (<c>Storage:Provider=PostgreSql</c>, <c>ConnectionStrings:PostgreSql</c>) and exits. The bot on the file must be
/// stopped (its lock is taken); the target must be empty. Every refusal is one line and a non-zero exit code.
/// </summary>
public static class MigrateCommand
{
    private const string Usage =
        "用法 / usage: Storage__Provider=PostgreSql ConnectionStrings__PostgreSql=\"Host=…;Database=…\" dotnet Cppcc.Bot.dll migrate [--from data/bot.db]";

    /// <summary>Runs the command when <paramref name="args"/> name it; false otherwise (the bot starts as usual).</summary>
    public static bool TryRun(IServiceProvider services, string contentRoot, string[] args, TextWriter output, TextWriter error, out int exitCode)
    {
        exitCode = 0;
        if (args is not ["migrate", ..])
        {
            return false;
        }

        exitCode = Run(services, contentRoot, args[1..], output, error);
        return true;
    }

    private static int Run(IServiceProvider services, string contentRoot, string[] args, TextWriter output, TextWriter error)
    {
        // Without --from, the file the bot used on LiteDB: Storage:Path.
        var from = args switch
        {
            [] => services.GetRequiredService<IOptions<StorageOptions>>().Value.Path,
            ["--from", { Length: > 0 } file] => file,
            _ => null,
        };
        if (from is null)
        {
            error.WriteLine(Usage);
            return 2;
        }

        if (!StorageSelection.UsesPostgres(services))
        {
            error.WriteLine("迁移目标必须是 PostgreSQL：请设置 Storage__Provider=PostgreSql 和 ConnectionStrings__PostgreSql。" +
                            "The target must be PostgreSQL: set Storage__Provider=PostgreSql and ConnectionStrings__PostgreSql.");
            return 2;
        }

        var path = AppPaths.Resolve(contentRoot, from);
        if (!File.Exists(path))
        {
            error.WriteLine($"找不到 LiteDB 文件 {path}。The LiteDB file {path} does not exist.");
            return 2;
        }

        try
        {
            using var fileLock = DatabaseLock.Acquire(path);
            using var database = StorageStartup.Open(fileLock);
            var target = services.GetRequiredService<NpgsqlDataSource>();
            var result = LiteDbToPostgres.Copy(database, target, StoreCopies.All);
            foreach (var (collection, rows) in result.Copied)
            {
                output.WriteLine($"{collection}: {rows}");
            }

            if (result.NotCopied.Count > 0)
            {
                output.WriteLine("未复制（尚无 PostgreSQL 存储）/ not copied (no PostgreSQL store yet): " + string.Join(", ", result.NotCopied));
            }

            output.WriteLine($"已复制 {path} 的数据到 PostgreSQL。Copied {result.Copied.Sum(c => c.Rows)} rows.");
            return 0;
        }
        catch (LiteDbToPostgres.Refused refused)
        {
            error.WriteLine(refused.Message);
            return 1;
        }
        catch (StartupProblem problem)
        {
            error.WriteLine(problem.Message);
            return (int)problem.ExitCode;
        }
    }
}
