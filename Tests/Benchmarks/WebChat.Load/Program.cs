// Web chat at public scale, against the same question through /api/messages, in one run. The bot runs as its own
// process (started here from its Release build, or already running at --url), as it does in production.
//   dotnet run -c Release --project Tests/Benchmarks/WebChat.Load -- [--seconds 20] [--conversations 32]
//       [--visitors 200,1000] [--think-ms 2000,10000] [--arrivals spread|together] [--text 区政协怎么开展民主监督？]
//       [--url http://127.0.0.1:3978 [--pid <bot process id>] | --bot-dll <another build's Cppcc.Bot.dll>] [--only latency]
//       [--postgres <connection string>: the bot runs on PostgreSQL (web chat conversations and activities in the database)]
// Phases, each measured for --seconds after a warm-up of every path:
//   1. /api/messages with expectReplies, --conversations conversations asking again as soon as answered (the yardstick);
//   2. web chat, as many visitors doing the same over Direct Line + WebSocket: the cost of an exchange against a turn,
//      by throughput and by the bot's CPU time per operation (read from /proc, so other load on the machine moves it least).
//      1 and 2 take turns in --rounds slices (default 3) and are added up, so both see the same machine;
//   3. for each --visitors/--think-ms pair: that many open web chat conversations, each asking after thinking that long
//      on average, p50/p99 (200 visitors thinking 2 s and 1,000 thinking 10 s carry the same 100 exchanges/s).
// With --url, start the bot with the settings BotUnderTest.Settings lists (per-address limits lifted: every visitor
// here is 127.0.0.1) and give --pid for the CPU figures.
using System.Globalization;
using Cppcc.Benchmarks.WebChat;

var seconds = Arg("--seconds", "20", int.Parse);
var conversations = Arg("--conversations", "32", int.Parse);
var visitorCounts = Arg("--visitors", "200,1000", s => s.Split(',').Select(int.Parse).ToArray());
var thinkMs = Arg("--think-ms", "2000,10000", s => s.Split(',').Select(int.Parse).ToArray());
var arrivals = Arg("--arrivals", "spread", s => Enum.Parse<Arrivals>(s, ignoreCase: true));
var text = Arg("--text", "区政协怎么开展民主监督？", s => s);
var url = Arg("--url", "", s => s);
var pid = Arg<int?>("--pid", "", s => s.Length == 0 ? null : int.Parse(s));
var latencyOnly = Arg("--only", "", s => s) == "latency";
var rounds = Arg("--rounds", "3", int.Parse);
if (visitorCounts.Length != thinkMs.Length)
{
    Console.Error.WriteLine("--visitors and --think-ms need as many values each.");
    return 2;
}

await using var bot = url.Length > 0 ? BotUnderTest.Attach(url, pid) : await BotUnderTest.StartAsync(
    Arg("--port", "39795", int.Parse), Arg<string?>("--bot-dll", "", s => s.Length == 0 ? null : s),
    Arg<string?>("--postgres", "", s => s.Length == 0 ? null : s));
var duration = TimeSpan.FromSeconds(seconds);
var webChat = new WebChatVisitors(bot, text);
Console.WriteLine($"bot {bot.BaseUrl} (pid {bot.Pid?.ToString(CultureInfo.InvariantCulture) ?? "unknown"}), {Environment.ProcessorCount} cores, "
    + $"{seconds} s per phase, question \"{text}\", arrivals {arrivals.ToString().ToLowerInvariant()}"
    + (args.Contains("--postgres") ? ", storage PostgreSQL" : ""));
Console.WriteLine($"load average before: {LoadAverage()}");

var results = new List<PhaseResult>();
if (!latencyOnly)
{
    // Warm every path (JIT tiering, LiteDB pages, KB caches) so that no phase pays for starting up.
    await ApiTurns.RunAsync(bot, text, conversations, TimeSpan.FromSeconds(5), record: false);
    await webChat.RunAsync("warm-up", conversations, TimeSpan.Zero, TimeSpan.FromSeconds(5), Arrivals.Spread);

    // On a shared machine other programs' load comes and goes: alternating slices expose both paths to the same.
    var apiSlices = new List<PhaseResult>();
    var chatSlices = new List<PhaseResult>();
    for (var round = 0; round < rounds; round++)
    {
        apiSlices.Add(await ApiTurns.RunAsync(bot, text, conversations, duration / rounds));
        chatSlices.Add(await webChat.RunAsync($"web chat, {conversations} visitors, no think", conversations, TimeSpan.Zero, duration / rounds, Arrivals.Spread));
    }

    var api = PhaseResult.Sum(apiSlices);
    var chat = PhaseResult.Sum(chatSlices);
    results.Add(api);
    results.Add(chat);
    var byCpu = chat.CpuMsPerOperation / api.CpuMsPerOperation;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"web chat exchange / api turn: by throughput {api.PerSecond / chat.PerSecond:F2}, by bot CPU {byCpu?.ToString("F2", CultureInfo.InvariantCulture) ?? "n/a"} (target <= 1.5)"));
}

for (var i = 0; i < visitorCounts.Length; i++)
{
    var think = TimeSpan.FromMilliseconds(thinkMs[i]);
    var name = $"web chat, {visitorCounts[i]} visitors thinking {think.TotalSeconds:0.#} s";
    var result = await webChat.RunAsync(name, visitorCounts[i], think, duration, arrivals, measureIdle: true);
    Console.WriteLine(result);
    results.Add(result);
}

Console.WriteLine($"load average after: {LoadAverage()}");
Console.WriteLine(PhaseResult.Header);
foreach (var result in results)
{
    Console.WriteLine(result);
}

return results.Sum(r => r.Errors) == 0 ? 0 : 1;

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

T Arg<T>(string name, string fallback, Func<string, T> parse)
{
    var i = Array.IndexOf(args, name);
    return parse(i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback);
}
