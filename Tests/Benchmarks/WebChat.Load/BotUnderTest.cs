using System.Diagnostics;
using System.Globalization;

namespace Cppcc.Benchmarks.WebChat;

/// <summary>
/// The bot being measured: started here as its own process (the Release build, a temporary LiteDB file, per-address
/// limits lifted because every visitor of this benchmark is 127.0.0.1), or one already running at --url (--pid names
/// its process for the CPU figures). CPU time is read from /proc, so a figure per exchange holds even when other
/// programs share the machine.
/// </summary>
internal sealed class BotUnderTest : IAsyncDisposable
{
    private readonly Process? _started;
    private readonly string? _data;

    private BotUnderTest(string baseUrl, int? pid, Process? started, string? data)
    {
        BaseUrl = baseUrl;
        Pid = pid;
        _started = started;
        _data = data;
    }

    public string BaseUrl { get; }

    public int? Pid { get; }

    public static BotUnderTest Attach(string url, int? pid) => new(url.TrimEnd('/'), pid, null, null);

    /// <param name="dll">Another build of the bot (e.g. the one before a change, for before/after figures in one sitting).</param>
    /// <param name="postgres">A PostgreSQL connection string: the bot runs with Storage:Provider=PostgreSql on it.</param>
    public static async Task<BotUnderTest> StartAsync(int port, string? dll = null, string? postgres = null)
    {
        var root = RepositoryRoot();
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        dll ??= Path.Combine(root, "Bot", "bin", configuration, "net10.0", "Cppcc.Bot.dll");
        var data = Directory.CreateTempSubdirectory("cppcc-webchat-load-").FullName;
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add($"http://127.0.0.1:{port}");
        foreach (var (key, value) in Settings(root, data))
        {
            info.Environment[key] = value;
        }

        if (postgres is not null)
        {
            info.Environment["Storage__Provider"] = "PostgreSql";
            info.Environment["ConnectionStrings__PostgreSql"] = postgres;
        }

        var process = Process.Start(info)!;
        // The bot logs warnings and errors only (Logging:LogLevel:Default=Warning): anything it says matters here.
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("[bot] " + e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("[bot] " + e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var bot = new BotUnderTest($"http://127.0.0.1:{port}", process.Id, process, data);
        await bot.WaitHealthyAsync();
        return bot;
    }

    /// <summary>What the benchmark starts the bot with; also what to give a bot started by hand for --url.</summary>
    public static IEnumerable<(string Key, string Value)> Settings(string root, string data) =>
    [
        ("Storage__Path", Path.Combine(data, "bot.db")),
        ("KnowledgeBase__Path", Path.Combine(root, "kb")),
        ("KnowledgeBase__WatchFiles", "false"),
        ("Logging__LogLevel__Default", "Warning"),
        ("WebChat__ClientRequestBurst", "1000000"),
        ("WebChat__ClientRequestsPerSecond", "1000000"),
        ("WebChat__ClientConversationBurst", "1000000"),
        ("WebChat__ClientConversationsPerMinute", "1000000"),
        ("WebChat__MaxConversationsPerClient", "1000000"),
        // The saturation phase asks without thinking; the limiter still runs on every message, only its ceiling is raised.
        ("WebChat__ConversationMessageBurst", "10000"),
        ("WebChat__ConversationMessagesPerMinute", "100000"),
    ];

    /// <summary>CPU time the bot's process has used so far (user + system), or null when it is not known.</summary>
    public TimeSpan? CpuTime()
    {
        if (Pid is not { } pid || !File.Exists($"/proc/{pid}/stat"))
        {
            return null;
        }

        // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th, in clock ticks (100 Hz).
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    public async ValueTask DisposeAsync()
    {
        if (_started is not null)
        {
            _started.Kill(entireProcessTree: true);
            await _started.WaitForExitAsync();
            _started.Dispose();
        }

        if (_data is not null)
        {
            Directory.Delete(_data, recursive: true);
        }
    }

    private async Task WaitHealthyAsync()
    {
        using var http = new HttpClient();
        for (var i = 0; i < 300; i++)
        {
            if (_started is { HasExited: true })
            {
                throw new InvalidOperationException($"The bot exited with {_started.ExitCode}.");
            }

            try
            {
                if ((await http.GetAsync(BaseUrl + "/healthz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("The bot did not become healthy.");
    }

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Bot.sln not found above the benchmark binaries.");
    }
}
