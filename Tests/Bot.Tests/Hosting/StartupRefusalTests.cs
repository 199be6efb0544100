using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Cppcc.Bot.Tests.Support;
using LiteDB;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Hosting;

/// <summary>
/// Start-up problems, with the built bot run as real processes: each refusal is one line on standard error, nothing
/// on standard output, a non-zero exit code, and the files it was pointed at are left as they were. In the
/// collection that runs alone: these tests start several processes each.
/// </summary>
[Collection(RunsAlone.Name)]
public sealed class StartupRefusalTests : IDisposable
{
    private static readonly TimeSpan ExitWithin = TimeSpan.FromSeconds(20);
    private readonly TempDatabase _db = new();

    [Fact]
    public async Task A_second_process_on_the_same_database_refuses_in_one_line_and_the_first_keeps_its_journal()
    {
        await using var first = BotProcess.Start(_db.FilePath);
        await first.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        var journal = _db.FilePath.Replace("bot.db", "bot-log.db", StringComparison.Ordinal);
        Assert.EndsWith("-000001", await FileReportAsync(first, "学校门口上下学时段交通拥堵"));
        Assert.True(File.Exists(journal), "the first bot writes a journal");

        // On another port (it would run alongside) and on the same port (it would fail to bind after opening the file).
        foreach (var port in new int?[] { null, first.Port })
        {
            await using var second = BotProcess.Start(_db.FilePath, port);
            var exit = await second.ExitCodeAsync(ExitWithin);

            Assert.True(exit is not null and not 0, $"second process (port {port}) exit {exit}: {second.Describe()}");
            Assert.True(second.Stdout.Count == 0 && second.Stderr.Count == 1, second.Describe());
            Assert.Contains(_db.FilePath, second.Stderr[0]);
            Assert.Contains($"pid {first.Id}", second.Stderr[0]);
        }

        // The first process still holds the journal it writes (not an unlinked copy) and goes on serving from it.
        var held = Directory.GetFiles($"/proc/{first.Id}/fd").Select(fd => new FileInfo(fd).LinkTarget ?? "").ToList();
        Assert.Contains(journal, held);
        Assert.DoesNotContain(held, target => target.StartsWith(_db.Folder, StringComparison.Ordinal) && target.Contains("(deleted)", StringComparison.Ordinal));
        Assert.True(File.Exists(journal));
        using var http = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(first.BaseAddress + "/healthz")).StatusCode);
        Assert.EndsWith("-000002", await FileReportAsync(first, "菜市场周边环境卫生需要整治"));
    }

    [Fact]
    public async Task A_database_reached_through_a_symbolic_link_opens_and_is_locked_under_its_real_name()
    {
        WriteDatabaseWithData(_db.FilePath);
        var link = Path.Combine(_db.Folder, "link.db");
        File.CreateSymbolicLink(link, _db.FilePath);

        await using var first = BotProcess.Start(link);
        await first.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        await using var second = BotProcess.Start(_db.FilePath);
        var exit = await second.ExitCodeAsync(ExitWithin);

        Assert.Empty(first.Stderr);
        Assert.True(exit == 75, $"exit {exit}: {second.Describe()}");
        Assert.Contains($"pid {first.Id}", Assert.Single(second.Stderr));
    }

    [Fact]
    public async Task A_port_in_use_is_one_line_that_says_how_to_choose_another_and_the_database_is_not_created()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        await using var bot = BotProcess.Start(_db.FilePath, port);
        var exit = await bot.ExitCodeAsync(ExitWithin);

        Assert.True(exit is not null and not 0, $"exit {exit}: {bot.Describe()}");
        Assert.True(bot.Stdout.Count == 0 && bot.Stderr.Count == 1, bot.Describe());
        Assert.Contains("--urls", bot.Stderr[0]);
        Assert.Contains(port.ToString(), bot.Stderr[0]);
        Assert.False(File.Exists(_db.FilePath), "the refused process created the database");
    }

    [Theory]
    [InlineData("Reminders__LeadTimes__0", "abc", "Reminders:LeadTimes:0")]
    [InlineData("Reminders__LeadTimes__1", "1.00:00:00x", "Reminders:LeadTimes:1")]
    [InlineData("Reports__PageSize", "ten", "Reports:PageSize")]
    [InlineData("Delivery__BaseDelay", "soon", "Delivery:BaseDelay")]
    [InlineData("Hosting__MaxActivityBytes", "5", "Hosting:MaxActivityBytes")]
    [InlineData("Hosting__KnownNetworks__0", "10.0.0.0/33", "Hosting:KnownNetworks:0 = '10.0.0.0/33'")]
    [InlineData("Hosting__KnownProxies__0", "nginx", "Hosting:KnownProxies:0 = 'nginx'")]
    [InlineData("Hosting__AllowUnauthenticatedFrom__0", "the office", "Hosting:AllowUnauthenticatedFrom")]
    [InlineData("WebChat__Enabled", "maybe", "WebChat:Enabled")]
    [InlineData("WebChat__IdleTimeout", "abc", "WebChat:IdleTimeout")]
    [InlineData("WebChat__MaxConversations", "0", "MaxConversations")]
    [InlineData("WeChat__MaxBodyBytes", "abc", "WeChat:MaxBodyBytes")]
    [InlineData("DutyPoints__AbsentWithoutLeave", "5", "DutyPoints:AbsentWithoutLeave（环境变量 DutyPoints__AbsentWithoutLeave）")]
    public async Task An_invalid_configuration_value_is_one_line_naming_the_key(string variable, string value, string key)
    {
        await using var bot = BotProcess.Start(_db.FilePath, environment: new Dictionary<string, string> { [variable] = value });
        var exit = await bot.ExitCodeAsync(ExitWithin);

        Assert.True(exit is not null and not 0, $"exit {exit}: {bot.Describe()}");
        Assert.True(bot.Stdout.Count == 0 && bot.Stderr.Count == 1, bot.Describe());
        Assert.Contains(key, bot.Stderr[0]);
    }

    [Fact]
    public async Task A_slip_in_appsettings_json_is_one_line_naming_the_file_and_line()
    {
        // A copy of the app folder whose settings file lost a brace.
        var app = Path.Combine(_db.Folder, "app");
        var source = Path.GetDirectoryName(BotProcess.DllPath)!;
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(app, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        var settings = Path.Combine(app, "appsettings.json");
        File.WriteAllText(settings, File.ReadAllText(settings).TrimEnd().TrimEnd('}'));

        await using var bot = BotProcess.Start(_db.FilePath, dllPath: Path.Combine(app, "Cppcc.Bot.dll"));
        var exit = await bot.ExitCodeAsync(ExitWithin);

        Assert.True(exit == 78, $"exit {exit}: {bot.Describe()}");
        Assert.Contains(settings, Assert.Single(bot.Stderr));
        Assert.Contains("Line", bot.Stderr[0], StringComparison.OrdinalIgnoreCase);
        Assert.Empty(bot.Stdout);
    }

    [Theory]
    [InlineData("half")]
    [InlineData("whole pages")]
    [InlineData("empty")]
    [InlineData("scrambled pages")]
    public async Task A_truncated_or_half_written_database_is_refused_in_one_line_and_left_as_it_is(string damage)
    {
        WriteDatabaseWithData(_db.FilePath);
        var length = new FileInfo(_db.FilePath).Length;
        using (var file = new FileStream(_db.FilePath, FileMode.Open))
        {
            if (damage == "scrambled pages")
            {
                // Length and header intact, the pages after the collection page overwritten: a write cut short.
                file.Position = 3 * 8192;
                file.Write(RandomNumberGenerator.GetBytes(6 * 8192));
            }
            else
            {
                file.SetLength(damage switch { "half" => length / 2 + 100, "whole pages" => length / 8192 / 2 * 8192, _ => 0 });
            }
        }

        var before = Hash(_db.FilePath);

        await using var bot = BotProcess.Start(_db.FilePath);
        var exit = await bot.ExitCodeAsync(ExitWithin);

        Assert.True(exit is not null and not 0, $"exit {exit}: {bot.Describe()}");
        Assert.True(bot.Stdout.Count == 0 && bot.Stderr.Count == 1, bot.Describe());
        Assert.Contains(_db.FilePath, bot.Stderr[0]);
        Assert.Contains("备份", bot.Stderr[0]);
        Assert.Equal(before, Hash(_db.FilePath));
    }

    [Theory]
    [InlineData(4)] // data pages: a broken string makes LiteDB throw a .NET decoding error, not its own
    [InlineData(3)] // index pages: the documents read, the first query on the index fails
    public async Task Pages_with_flipped_bytes_are_refused_in_one_line_and_left_as_they_are(byte pageType)
    {
        WriteDatabaseWithData(_db.FilePath);
        var bytes = File.ReadAllBytes(_db.FilePath);
        var flipped = 0;
        for (var page = 1; page < bytes.Length / 8192; page++)
        {
            if (bytes[page * 8192 + 4] == pageType)
            {
                var at = page * 8192 + 100;
                for (var i = 0; i < 64; i++)
                {
                    bytes[at + i] ^= 0xA5;
                }

                flipped++;
            }
        }

        Assert.True(flipped > 0, $"no page of type {pageType}");
        File.WriteAllBytes(_db.FilePath, bytes);
        var before = Hash(_db.FilePath);

        await using var bot = BotProcess.Start(_db.FilePath);
        var exit = await bot.ExitCodeAsync(ExitWithin);

        Assert.True(exit == 65, $"exit {exit}: {bot.Describe()}");
        Assert.True(bot.Stdout.Count == 0 && bot.Stderr.Count == 1, bot.Describe());
        Assert.Contains("备份", bot.Stderr[0]);
        Assert.Equal(before, Hash(_db.FilePath));
    }

    [Fact]
    public async Task A_file_marked_invalid_after_a_full_disk_that_still_reads_starts_keeps_a_copy_and_loses_nothing()
    {
        WriteDatabaseWithData(_db.FilePath);
        using (var file = new FileStream(_db.FilePath, FileMode.Open))
        {
            // What LiteDB writes when its engine fails, a write refused by a full disk as much as a broken page.
            file.Position = 191;
            file.WriteByte(1);
        }

        var before = Hash(_db.FilePath);

        await using (var bot = BotProcess.Start(_db.FilePath))
        {
            await bot.WaitHealthyAsync(TimeSpan.FromSeconds(60));
            var notice = Assert.Single(bot.Stderr);
            Assert.Contains("标记为无效", notice);
            var copy = Directory.GetFiles(Path.GetDirectoryName(_db.FilePath)!, Path.GetFileName(_db.FilePath) + ".marked-invalid-*").Single();
            Assert.Contains(copy, notice);
            Assert.Equal(before, Hash(copy));
        }

        using var db = new LiteDatabase(new ConnectionString { Filename = _db.FilePath, Connection = ConnectionType.Direct, ReadOnly = true });
        Assert.Equal(300, db.GetCollection("notes").Count());
        Assert.Equal(0, File.ReadAllBytes(_db.FilePath)[191]);
    }

    [Fact]
    public async Task A_garbage_journal_is_refused_in_one_line_and_the_data_file_does_not_grow()
    {
        WriteDatabaseWithData(_db.FilePath);
        var journal = Path.Combine(_db.Folder, "bot-log.db");
        File.WriteAllBytes(journal, RandomNumberGenerator.GetBytes(8 * 8192));
        var data = Hash(_db.FilePath);
        var garbage = Hash(journal);

        await using var bot = BotProcess.Start(_db.FilePath);
        var exit = await bot.ExitCodeAsync(ExitWithin);

        Assert.True(exit is not null and not 0, $"exit {exit}: {bot.Describe()}");
        Assert.True(bot.Stdout.Count == 0 && bot.Stderr.Count == 1, bot.Describe());
        Assert.Contains(journal, bot.Stderr[0]);
        Assert.Equal(data, Hash(_db.FilePath));
        Assert.Equal(garbage, Hash(journal));
    }

    public void Dispose() => _db.Dispose();

    /// <summary>A database the way a stopped bot leaves it: several pages of documents, the journal written back.</summary>
    private static void WriteDatabaseWithData(string path)
    {
        using var db = new LiteDatabase(new ConnectionString { Filename = path, Connection = ConnectionType.Direct });
        // A collection the bot does not use, with an index besides _id.
        var notes = db.GetCollection("notes");
        notes.EnsureIndex("title", "$.title");
        for (var i = 1; i <= 300; i++)
        {
            notes.Insert(new BsonDocument { ["_id"] = i, ["title"] = $"社情民意 {i}", ["content"] = new string('情', 200) });
        }
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));

    private static async Task<string> FileReportAsync(BotProcess bot, string title)
    {
        var activity = BotFactory.TeamsMessage("");
        activity.Remove("text");
        activity["value"] = new JObject
        {
            ["action"] = "report.submit",
            ["kind"] = "report",
            ["title"] = title,
            ["category"] = "教育",
            ["content"] = "上下学时段车辆排长队，学生穿行其间，存在安全隐患，家长反映强烈。",
            ["suggestion"] = "增设临时停车位，安排交警疏导。",
            ["anonymous"] = "false",
        };
        activity["deliveryMode"] = "expectReplies";
        using var http = new HttpClient();
        using var content = new StringContent(activity.ToString(), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(bot.BaseAddress + "/api/messages", content);
        var body = await response.Content.ReadAsStringAsync();
        return System.Text.RegularExpressions.Regex.Match(body, @"SQ-\d{4}-\d{6}") is { Success: true } m ? m.Value : "no reference in: " + body;
    }
}
