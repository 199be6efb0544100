// Turn throughput benchmark.
//   dotnet run -c Release --project Tests/Benchmarks/Bot.Benchmarks -- [--conversations 32] [--seconds 15]
//       [--rounds 3] [--postgres "Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres"] [--recipients 1000]
// Starts the real bot (Release build, temp LiteDB file) and a bare echo bot on the same SDK as child processes on
// loopback, warms every path, then drives N concurrent conversations through POST /api/messages with expectReplies, and prints turns/s and
// p50/p95/p99 latency for a menu turn (state on LiteDB) and for the echo turn.
// With --postgres (or TEST_POSTGRES set, as ./test.sh's cluster does) a third bot runs on a fresh PostgreSQL database: the
// same turns and a report filing on both engines; then two bot processes on another fresh database broadcast to
// --recipients members, and the delivery rate is printed against the 30/s ceiling.
using System.Diagnostics;
using System.Globalization;
using Cppcc.Benchmarks.Turns;

if (args.Length > 0 && args[0] == "--echo-server")
{
    await EchoBot.RunAsync(args[1]);
    return;
}

var conversations = IntArg("--conversations", 32);
var seconds = IntArg("--seconds", 15);
var repoKb = FindUp("kb");
var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
var botDll = Path.Combine(repoKb, "..", "Bot", "bin", configuration, "net10.0", "Cppcc.Bot.dll");
var self = Path.Combine(AppContext.BaseDirectory, "Cppcc.Benchmarks.Turns.dll");
var data = Path.Combine(Path.GetTempPath(), "cppcc-bench-" + Guid.NewGuid().ToString("N"));
var postgres = StringArg("--postgres") ?? Environment.GetEnvironmentVariable("TEST_POSTGRES");
var recipients = IntArg("--recipients", 1000);
var rounds = IntArg("--rounds", 3);

using var bot = Start(botDll, "--urls http://127.0.0.1:39781", new()
{
    ["Storage__Path"] = Path.Combine(data, "bot.db"),
    ["KnowledgeBase__Path"] = repoKb,
    ["Logging__LogLevel__Default"] = "Warning",
});
using var echo = Start(self, "--echo-server http://127.0.0.1:39782", new());
using var pgBot = postgres is null ? null : Start(botDll, "--urls http://127.0.0.1:39783", new()
{
    ["Storage__Path"] = Path.Combine(data, "pg-side.db"),
    ["Storage__Provider"] = "PostgreSql",
    ["ConnectionStrings__PostgreSql"] = await PostgresBench.CreateDatabaseAsync(postgres),
    ["KnowledgeBase__Path"] = repoKb,
    ["Logging__LogLevel__Default"] = "Warning",
});
try
{
    await WaitHealthyAsync("http://127.0.0.1:39781/healthz");
    await WaitHealthyAsync("http://127.0.0.1:39782/healthz");
    if (pgBot is not null)
    {
        await WaitHealthyAsync("http://127.0.0.1:39783/healthz");
    }

    Console.WriteLine($"{conversations} concurrent conversations, {seconds} s per run in {rounds} rounds after a 5 s warm-up of each, {Environment.ProcessorCount} cores");
    var runs = new (string Name, string Url, string Text)[]
    {
        ("echo bot (same SDK, no state)", "http://127.0.0.1:39782", "hello"),
        ("menu turn (LiteDB state)", "http://127.0.0.1:39781", "菜单"),
        ("KB question (LiteDB state)", "http://127.0.0.1:39781", "集中学习多久组织一次"),
    };
    if (pgBot is not null)
    {
        runs =
        [
            .. runs,
            ("menu turn (PostgreSQL)", "http://127.0.0.1:39783", "菜单"),
            ("KB question (PostgreSQL)", "http://127.0.0.1:39783", "集中学习多久组织一次"),
            ("report filing (LiteDB)", "http://127.0.0.1:39781", PostgresBench.Filing),
            ("report filing (PostgreSQL)", "http://127.0.0.1:39783", PostgresBench.Filing),
        ];
    }

    // Warm every path first (JIT tiering, LiteDB pages), so no run pays for starting up.
    foreach (var run in runs)
    {
        await LoadDriver.RunAsync(run.Name, run.Url, PostgresBench.TextOf(run.Text), conversations, TimeSpan.Zero, TimeSpan.FromSeconds(5), PostgresBench.ValueOf(run.Text));
    }

    // Rounds: on a shared machine the load drifts; each run gets a slice of every round, so runs compared side by side
    // (LiteDB against PostgreSQL) saw the same conditions.
    var slices = new List<LoadDriver.Result>[runs.Length];
    for (var round = 0; round < rounds; round++)
    {
        for (var i = 0; i < runs.Length; i++)
        {
            (slices[i] ??= []).Add(await LoadDriver.RunAsync(runs[i].Name, runs[i].Url, PostgresBench.TextOf(runs[i].Text), conversations, TimeSpan.Zero,
                TimeSpan.FromSeconds((double)seconds / rounds), PostgresBench.ValueOf(runs[i].Text)));
        }
    }

    var results = slices.Select(s => new LoadDriver.Result(s[0].Name, s.Sum(r => r.Turns), s.Sum(r => r.Errors), s.Sum(r => r.Seconds),
        s.SelectMany(r => r.LatenciesMs).Order().ToArray())).ToList();
    Console.WriteLine($"{"run",-32} {"turns/s",9} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"errors",7}");
    foreach (var r in results)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{r.Name,-32} {r.TurnsPerSecond,9:F0} {r.Percentile(50),8:F2} {r.Percentile(95),8:F2} {r.Percentile(99),8:F2} {r.Errors,7}"));
    }

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"menu p99 / echo p99 = {results[1].Percentile(99) / results[0].Percentile(99):F2} (target <= 3); menu turns/s target >= 1000"));
    if (pgBot is not null)
    {
        Console.WriteLine("PostgreSQL bot: every store, bot state included, on PostgreSQL (a throw-away cluster on this machine).");
        Console.WriteLine($"two instances on one PostgreSQL database, broadcast to {recipients} members (+ the staff sender):");
        var delivery = await TwoInstanceDelivery.RunAsync((port, settings) => Start(botDll, $"--urls http://127.0.0.1:{port}", new(settings)
        {
            ["Storage__Path"] = Path.Combine(data, $"instance-{port}.db"),
            ["KnowledgeBase__Path"] = repoKb,
            ["Logging__LogLevel__Default"] = "Warning",
        }), WaitHealthyAsync, await PostgresBench.CreateDatabaseAsync(postgres!), recipients, 30);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"delivered {delivery.Delivered} of {delivery.Recipients} in {delivery.Seconds:F1} s = {delivery.Rate:F2}/s = {delivery.Rate / delivery.Ceiling:P1} of the {delivery.Ceiling}/s ceiling; max in any 1 s {delivery.MaxInAnySecond}; duplicated {delivery.Duplicated}; lost {delivery.Lost}"));
    }
}
finally
{
    bot.Kill(entireProcessTree: true);
    echo.Kill(entireProcessTree: true);
    pgBot?.Kill(entireProcessTree: true);
    await bot.WaitForExitAsync();
    if (pgBot is not null)
    {
        await pgBot.WaitForExitAsync();
    }

    Directory.Delete(data, recursive: true);
}

string? StringArg(string name)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
}

int IntArg(string name, int fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
}

static Process Start(string dll, string arguments, Dictionary<string, string> env)
{
    var info = new ProcessStartInfo("dotnet", $"\"{dll}\" {arguments}") { RedirectStandardOutput = true, RedirectStandardError = true };
    foreach (var (k, v) in env)
    {
        info.Environment[k] = v;
    }

    var process = Process.Start(info)!;
    process.OutputDataReceived += (_, _) => { };
    process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("[child] " + e.Data); } };
    process.BeginOutputReadLine();
    process.BeginErrorReadLine();
    return process;
}

static async Task WaitHealthyAsync(string url)
{
    using var http = new HttpClient();
    for (var i = 0; i < 100; i++)
    {
        try
        {
            if ((await http.GetAsync(url)).IsSuccessStatusCode)
            {
                return;
            }
        }
        catch (HttpRequestException)
        {
        }

        await Task.Delay(200);
    }

    throw new InvalidOperationException($"{url} did not become healthy.");
}

static string FindUp(string name)
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, name);
        if (Directory.Exists(candidate) && File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
        {
            return candidate;
        }
    }

    throw new DirectoryNotFoundException(name);
}
