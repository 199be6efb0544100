using System.Collections.Concurrent;
using Cppcc.Bot.Tests.Reports;
using Cppcc.Bot.Tests.Support;
using Newtonsoft.Json.Linq;
using Npgsql;
using Xunit.Abstractions;

namespace Cppcc.Bot.Tests.Storage;

/// <summary>
/// Two bot processes on one PostgreSQL database behave as one bot: references stay unique, and a broadcast survives
/// the SIGKILL of an instance with nothing lost, nothing sent twice but what was on the wire, and the send rate never
/// above its ceiling. Runs alone: it drives two processes hard.
/// </summary>
/// <remarks>
/// Until every store runs on PostgreSQL, each process keeps the stores not moved yet (conversation references among
/// them) in a LiteDB file of its own, so the broadcast's members first write to the instance that starts it.
/// </remarks>
[Collection(RunsAlone.Name)]
public sealed class TwoInstanceTests(ITestOutputHelper output) : IAsyncLifetime
{
    // 60/s (a tuned ceiling: any MessagesPerSecond is a valid setting) keeps 2,000 sends near half a minute.
    private const int Ceiling = 60;
    private const int Members = 2000;
    private const string Notice = "两个实例的群发通知";

    private readonly TempDatabase _files = new();
    private readonly ConcurrentBag<HttpClient> _clients = [];
    private ConnectorStub _stub = null!;
    private string _database = "";
    private BotProcess _first = null!;
    private BotProcess _second = null!;

    public async Task InitializeAsync()
    {
        if (TestPostgres.Server is null)
        {
            return;
        }

        _stub = await ConnectorStub.StartAsync();
        _database = await TestPostgres.CreateDatabaseAsync();
        _first = Start("first.db");
        _second = Start("second.db");
        await Task.WhenAll(_first.WaitHealthyAsync(TimeSpan.FromSeconds(60)), _second.WaitHealthyAsync(TimeSpan.FromSeconds(60)));
    }

    public async Task DisposeAsync()
    {
        if (TestPostgres.Server is null)
        {
            return;
        }

        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _stub.DisposeAsync();
        _files.Dispose();
    }

    [PostgresFact]
    public async Task A_thousand_filings_through_both_instances_get_a_thousand_distinct_references()
    {
        var random = new Random(13);
        // Distinct random texts, so neither the duplicate check nor the rate limit refuses any of them.
        string Words(int length) => new(Enumerable.Range(0, length).Select(_ => (char)random.Next(0x4E00, 0x9FA5)).ToArray());
        var filings = Enumerable.Range(0, 1000)
            .Select(i => (Bot: i % 2 == 0 ? _first : _second, User: "c" + (i % 100), Value: ReportBot.Submit("report", Words(20), Words(300), "教育", Words(100))))
            .ToList();
        using var gate = new SemaphoreSlim(64);

        var replies = await Task.WhenAll(filings.Select(async f =>
        {
            await gate.WaitAsync();
            try
            {
                return await SendAsync(f.Bot, Message(f.User, value: f.Value));
            }
            finally
            {
                gate.Release();
            }
        }));

        var failed = replies.Select(ReportBot.Read).Where(r => !r.Contains("已提交，编号 SQ-", StringComparison.Ordinal)).ToList();
        Assert.True(failed.Count == 0, $"{failed.Count} filings failed, e.g. “{failed.FirstOrDefault()}”; "
            + $"first instance: {FirstError(_first)}; second instance: {FirstError(_second)}");
        var references = replies.Select(ReportBot.Reference).ToList();
        Assert.Equal(1000, references.Distinct().Count());
        Assert.Equal(1000L, await ScalarAsync<long>("SELECT count(DISTINCT reference) FROM reports"));
        // Either instance finds a report filed through the other.
        var onFirst = references[1];
        Assert.Contains(onFirst, ReportBot.Read(await SendAsync(_first, Message("c1", "查询 " + onFirst))));
    }

    [PostgresFact]
    public async Task A_broadcast_survives_killing_the_instance_that_started_it_with_nothing_lost_and_the_rate_kept()
    {
        using (var gate = new SemaphoreSlim(32))
        {
            await Task.WhenAll(Enumerable.Range(0, Members).Select(async i =>
            {
                await gate.WaitAsync();
                try
                {
                    await SendAsync(_first, Message("m" + i, "帮助"));
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        var started = ReportBot.Read(await SendAsync(_first, Message(TeamsScenario.StaffAad,
            value: new JObject { ["action"] = "broadcast.send", ["text"] = Notice, ["audience"] = "all" })));
        var id = System.Text.RegularExpressions.Regex.Match(started, @"TZ-\d{4}-\d{4}").Value;
        Assert.True(id.Length > 0, started);
        await TeamsScenario.WaitUntilAsync(() => _stub.Requests.Count >= 600, TimeSpan.FromSeconds(60));
        _first.Kill();
        var killedAt = DateTimeOffset.UtcNow;
        var onWireAtKill = await ScalarAsync<long>($"SELECT count(*) FROM deliveries WHERE job_id = '{id}' AND state = 1 AND claimed_by LIKE '%:{_first.Id}:%'");
        var pendingAtKill = await ScalarAsync<long>($"SELECT count(*) FROM deliveries WHERE job_id = '{id}' AND state = 0");

        // Polled gently: the stub that times every send lives in this process, and a busy test would stall its clock.
        for (var waited = 0; await UnfinishedAsync(id) > 0; waited++)
        {
            Assert.True(waited < 180, "the broadcast did not finish within 90 s");
            await Task.Delay(500);
        }


        var recipients = await ConversationsOfAsync(id);
        var delivered = Notices().GroupBy(r => r.ConversationId).ToDictionary(g => g.Key, g => g.Count());
        var interrupted = await ScalarAsync<long>($"SELECT coalesce(sum(interruptions), 0) FROM deliveries WHERE job_id = '{id}'");
        var duplicated = delivered.Count(d => d.Value > 1);
        var detail = $"recipients {recipients.Count}, on the wire at the kill {onWireAtKill}, pending {pendingAtKill}, interrupted {interrupted}, duplicated {duplicated}";
        Assert.True(recipients.Count >= Members + 1, detail);
        Assert.True(pendingAtKill > 0, "the kill came after the broadcast: " + detail);
        Assert.DoesNotContain(recipients, c => !delivered.ContainsKey(c));
        Assert.Equal(recipients.Count, await ScalarAsync<long>($"SELECT count(*) FROM deliveries WHERE job_id = '{id}' AND state = 2"));
        Assert.Equal(onWireAtKill, interrupted);
        Assert.InRange(duplicated, 0, onWireAtKill);
        var times = Notices().Select(r => r.At).Order().ToList();
        output.WriteLine($"{detail}; {times.Count} notices in {(times[^1] - times[0]).TotalSeconds:F1} s, at most {MaxInAnySecond(times)} in any second (ceiling {Ceiling})");
        Assert.True(MaxInAnySecond(times) <= Ceiling, $"{MaxInAnySecond(times)} notices in one second; {Histogram(times, killedAt)}; " + detail);
        Assert.True(times.Any(t => t > killedAt), detail);
        // The survivor sent the summary once.
        await TeamsScenario.WaitUntilAsync(() => _stub.TextsTo(TeamsScenario.Conversation(TeamsScenario.StaffAad)).Any(t => t.Contains("发送完毕")), TimeSpan.FromSeconds(15));
        Assert.Single(_stub.TextsTo(TeamsScenario.Conversation(TeamsScenario.StaffAad)), t => t.Contains("发送完毕"));
    }

    private BotProcess Start(string file) => BotProcess.Start(Path.Combine(_files.Folder, file), environment: new Dictionary<string, string>
    {
        ["Storage__Provider"] = "PostgreSql",
        ["ConnectionStrings__PostgreSql"] = _database,
        ["Staff__UserIds__0"] = TeamsScenario.StaffAad,
        ["Broadcasts__ProgressInterval"] = "00:00:00.500",
        ["Delivery__MessagesPerSecond"] = Ceiling.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Delivery__LeaseDuration"] = "00:00:05",
        ["Delivery__PollInterval"] = "00:00:00.250",
        ["Logging__LogLevel__Default"] = "Warning",
    });

    private JObject Message(string aad, string text = "", JObject? value = null)
    {
        var activity = BotFactory.TeamsMessage(text, userId: "29:" + aad, aadObjectId: aad, conversationId: TeamsScenario.Conversation(aad));
        activity["serviceUrl"] = _stub.ServiceUrl;
        activity["from"]!["name"] = "委员" + aad;
        if (value is not null)
        {
            activity["value"] = value;
        }

        return activity;
    }

    private async Task<JArray> SendAsync(BotProcess bot, JObject activity)
    {
        var client = new HttpClient { BaseAddress = new Uri(bot.BaseAddress), Timeout = TimeSpan.FromSeconds(100) };
        _clients.Add(client);
        return await BotFactory.SendAsync(client, activity);
    }

    private List<StubRequest> Notices() =>
        _stub.Requests.Where(r => r.Method == "POST" && r.Status is >= 200 and < 300 && r.Body.Contains(Notice, StringComparison.Ordinal)).ToList();

    private Task<long> UnfinishedAsync(string id) => ScalarAsync<long>($"SELECT count(*) FROM deliveries WHERE job_id = '{id}' AND state IN (0, 1)");

    private async Task<List<string>> ConversationsOfAsync(string id)
    {
        await using var source = NpgsqlDataSource.Create(_database);
        await using var command = source.CreateCommand($"SELECT conversation_id FROM deliveries WHERE job_id = '{id}'");
        await using var reader = await command.ExecuteReaderAsync();
        var list = new List<string>();
        while (await reader.ReadAsync())
        {
            list.Add(reader.GetString(0));
        }

        return list;
    }

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var source = NpgsqlDataSource.Create(_database);
        await using var command = source.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Notices per tenth of a second around the busiest second, for the failure message.</summary>
    private static string Histogram(IReadOnlyList<DateTimeOffset> times, DateTimeOffset killedAt)
    {
        var busiest = times.OrderByDescending(t => times.Count(u => u >= t && u < t.AddSeconds(1))).First();
        var tenths = Enumerable.Range(-10, 30).Select(i => times.Count(t => t >= busiest.AddMilliseconds(100 * i) && t < busiest.AddMilliseconds(100 * (i + 1))));
        return $"busiest second starts {(busiest - times[0]).TotalSeconds:F1} s after the first notice, {(busiest - killedAt).TotalSeconds:F1} s after the kill; per 100 ms from 1 s before: {string.Join(",", tenths)}";
    }

    private static int MaxInAnySecond(IReadOnlyList<DateTimeOffset> times)
    {
        int best = 0, start = 0;
        for (var end = 0; end < times.Count; end++)
        {
            while (times[end] - times[start] >= TimeSpan.FromSeconds(1))
            {
                start++;
            }

            best = Math.Max(best, end - start + 1);
        }

        return best;
    }

    // What a failed turn logged, so a failure says why without rerunning.
    private static string FirstError(BotProcess bot)
        => string.Join(" | ", bot.Stdout.SkipWhile(l => !l.StartsWith("fail:", StringComparison.Ordinal)).Take(12));
}
