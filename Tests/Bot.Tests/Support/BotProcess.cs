using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Cppcc.Bot.Tests.Support;

/// <summary>
/// The built bot (<c>Bot/bin/…/Cppcc.Bot.dll</c>) as a separate process on 127.0.0.1, with its own storage and
/// settings given as environment variables, the way an operator starts it. Output is collected line by line.
/// </summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<string> _stdout = [];
    private readonly List<string> _stderr = [];

    private BotProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        process.OutputDataReceived += (_, e) => Collect(_stdout, e.Data);
        process.ErrorDataReceived += (_, e) => Collect(_stderr, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    public int Id => _process.Id;

    public string BaseAddress => $"http://127.0.0.1:{Port}";

    public static string DllPath
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
            return Path.Combine(BotFactory.RepositoryRoot, "Bot", "bin", configuration, "net10.0", "Cppcc.Bot.dll");
        }
    }

    /// <summary>Starts <c>dotnet Cppcc.Bot.dll --urls http://127.0.0.1:{port}</c> with <c>Storage__Path</c> and <paramref name="environment"/>.</summary>
    /// <param name="dllPath">Another copy of the bot (default <see cref="DllPath"/>).</param>
    public static BotProcess Start(string storagePath, int? port = null, IDictionary<string, string>? environment = null, string? dllPath = null)
    {
        var chosen = port ?? FreePort();
        var dll = dllPath ?? DllPath;
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--urls", $"http://127.0.0.1:{chosen}" },
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["Storage__Path"] = storagePath;
        info.Environment["KnowledgeBase__WatchFiles"] = "false";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        return new BotProcess(Process.Start(info)!, chosen);
    }

    /// <summary>A port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public IReadOnlyList<string> Stdout
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToList();
            }
        }
    }

    public IReadOnlyList<string> Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToList();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    /// <summary>Waits for the process to end on its own; null when it still runs after <paramref name="timeout"/>.</summary>
    public async Task<int?> ExitCodeAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            return null;
        }

        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    /// <summary>Waits until <c>/healthz</c> answers 200; throws with the output when the process exits or never gets there.</summary>
    public async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The bot exited ({_process.ExitCode}): {Describe()}");
            }

            try
            {
                using var response = await http.GetAsync(BaseAddress + "/healthz");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The bot did not become healthy: " + Describe());
    }

    /// <summary>SIGKILL (on Linux): no shutdown code runs, as when the machine loses power or the OOM killer strikes.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>What the process printed, for assertion messages.</summary>
    public string Describe() => $"stdout {Stdout.Count} lines: [{string.Join(" | ", Stdout)}] stderr {Stderr.Count} lines: [{string.Join(" | ", Stderr)}]";

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static void Collect(List<string> lines, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (lines)
        {
            lines.Add(line);
        }
    }
}
