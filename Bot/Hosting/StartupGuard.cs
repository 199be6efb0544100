using Cppcc.Bot.Storage;
using LiteDB;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Cppcc.Bot.Hosting;

/// <summary>
/// Runs the bot, or refuses to start with one line on standard error and a non-zero exit code (see
/// <see cref="StartupExitCode"/>): a bad configuration value, the database held by another process or damaged, the
/// port taken. The checks run before anything starts, in an order that never lets a refused process touch the
/// database: configuration first, then the database's lock, the port, and only then the database files (checked,
/// opened, read through).
/// </summary>
public static class StartupGuard
{
    /// <summary>
    /// The application builder, or (with <paramref name="builder"/> null) the exit code after one line saying which
    /// settings file cannot be read and where (a JSON slip in appsettings.json).
    /// </summary>
    public static int? TryCreateBuilder(string[] args, out WebApplicationBuilder builder)
    {
        try
        {
            builder = WebApplication.CreateBuilder(args);
            return null;
        }
        catch (InvalidDataException e)
        {
            builder = null!;
            // The innermost error is the JSON reader's, with the line and position of the slip.
            var where = e.GetBaseException() is { } inner && inner != e ? " " + OneLine(inner.Message) : "";
            Console.Error.WriteLine($"配置文件无法读取：{OneLine(e.Message)}{where} Unreadable settings file.");
            return (int)StartupExitCode.Configuration;
        }
    }

    /// <summary>The configuration checks alone, before anything reads a setting; the exit code when one is refused.</summary>
    public static async Task<int?> CheckConfigurationAsync(WebApplication app)
    {
        try
        {
            ConfigurationValues.Check(app.Configuration);
            app.Services.GetService<IStartupValidator>()?.Validate();
            return null;
        }
        catch (Exception e) when (Refusal(e) is { } refusal)
        {
            return await RefuseAsync(app, refusal.Code, refusal.Line);
        }
    }

    /// <summary>The exit code and line for an exception that refuses the start, or null for any other (a bug).</summary>
    private static (StartupExitCode Code, string Line)? Refusal(Exception e) => e switch
    {
        StartupProblem problem => (problem.ExitCode, problem.Message),
        OptionsValidationException invalid => (StartupExitCode.Configuration, ConfigurationLine(invalid.Failures)),
        AggregateException all when all.InnerExceptions.All(i => i is OptionsValidationException)
            => (StartupExitCode.Configuration, ConfigurationLine(all.InnerExceptions.Cast<OptionsValidationException>().SelectMany(i => i.Failures))),
        _ => null,
    };

    private static string OneLine(string text) => text.ReplaceLineEndings(" ");

    /// <summary>
    /// Checks storage and the port, starts and waits for shutdown; returns the process exit code. The configuration was
    /// checked by <see cref="CheckConfigurationAsync"/> before the endpoints were mapped.
    /// </summary>
    public static async Task<int> RunAsync(WebApplication app)
    {
        try
        {
            try
            {
                var postgres = StorageSelection.UsesPostgres(app.Services);
                if (!postgres)
                {
                    _ = app.Services.GetRequiredService<DatabaseLock>();
                }

                if (ListensOnSockets(app))
                {
                    ListenAddresses.EnsureFree(app.Configuration);
                }

                if (postgres)
                {
                    _ = app.Services.GetRequiredService<NpgsqlDataSource>();
                }
                else
                {
                    _ = app.Services.GetRequiredService<ILiteDatabase>();
                }

                await app.StartAsync();
            }
            catch (IOException e) when (e.InnerException is AddressInUseException)
            {
                // Taken between the probe and Kestrel's own bind.
                throw ListenAddresses.InUseProblem(ListenAddresses.Configured(app.Configuration) is { Count: > 0 } urls ? string.Join(";", urls) : "http://localhost:5000");
            }
        }
        catch (Exception e) when (Refusal(e) is { } refusal)
        {
            return await RefuseAsync(app, refusal.Code, refusal.Line);
        }

        await app.WaitForShutdownAsync();
        // A background service that failed stops the host, which would otherwise exit 0 and so never be restarted by a
        // service manager (Restart=on-failure): say which one and exit non-zero.
        var failed = app.Services.GetServices<IHostedService>().OfType<BackgroundService>()
            .Where(s => s.ExecuteTask is { IsFaulted: true }).Select(s => s.GetType().Name).ToList();
        var storageDead = app.Services.GetService<StorageWatchdog>()?.StoppedBecause;
        await app.DisposeAsync();
        if (storageDead is not null)
        {
            await Console.Error.WriteLineAsync($"数据库无法读写（{storageDead.ReplaceLineEndings(" ")}），机器人已停止；腾出磁盘空间后重新启动即可，记录不会丢失。" +
                " The database stopped answering; the bot stopped. Free disk space and start it again; no records are lost.");
            return (int)StartupExitCode.ServiceFailed;
        }

        if (failed.Count > 0)
        {
            await Console.Error.WriteLineAsync($"后台服务出错，机器人已停止，请重新启动：{string.Join("、", failed)}。 A background service failed and stopped the bot; start it again.");
            return (int)StartupExitCode.ServiceFailed;
        }

        return 0;
    }

    /// <summary>Kestrel binds sockets; an in-memory server (the integration tests' TestServer) binds none to probe.</summary>
    private static bool ListensOnSockets(WebApplication app)
        => app.Services.GetService<IServer>()?.GetType().Assembly.GetName().Name == "Microsoft.AspNetCore.Server.Kestrel.Core";

    private static string ConfigurationLine(IEnumerable<string> failures)
        => "配置无效：" + string.Join("；", failures.Select(f => ConfigurationValues.Describe(f).ReplaceLineEndings(" "))) + " Invalid configuration.";

    private static async Task<int> RefuseAsync(WebApplication app, StartupExitCode code, string line)
    {
        await Console.Error.WriteLineAsync(line);
        // Releases what was opened (the database, its lock) the ordinary way; the refusal stays the only output.
        try
        {
            await app.DisposeAsync();
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Already refusing; a second complaint would only bury the first.
        }

        return (int)code;
    }
}
