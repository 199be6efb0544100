using System.Diagnostics;
using Cppcc.Bot.Tests.Support;
using Xunit.Abstractions;

namespace Cppcc.Bot.Tests.Reports;

public class ReportConcurrencyTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private readonly ITestOutputHelper _output;

    public ReportConcurrencyTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task A_thousand_concurrent_submissions_from_a_hundred_conversations_get_a_thousand_distinct_references()
    {
        using var bot = new ReportBot(_db);
        var random = new Random(3);
        // Distinct random Chinese texts, so that neither the duplicate check nor the rate limit refuses any of them.
        string Words(int length) => new(Enumerable.Range(0, length).Select(_ => (char)random.Next(0x4E00, 0x9FA5)).ToArray());
        var submissions = Enumerable.Range(0, 1000)
            .Select(i => (User: "c" + (i % 100), Value: ReportBot.Submit("report", Words(20), Words(300), i % 2 == 0 ? "教育" : "其他", Words(100))))
            .ToList();
        await bot.Member("菜单"); // warm the host up so the figure is about filing

        var clock = Stopwatch.StartNew();
        var replies = await Task.WhenAll(submissions.Select(s => Task.Run(() => bot.Member("", s.Value, user: s.User))));
        clock.Stop();

        var references = replies.Select(ReportBot.Reference).ToList();
        var failed = replies.Select(ReportBot.Read).Where(r => !r.Contains("已提交，编号 SQ-", StringComparison.Ordinal)).ToList();
        Assert.True(failed.Count == 0, $"{failed.Count} submissions failed, e.g. “{failed.FirstOrDefault()}”");
        Assert.Equal(1000, references.Distinct().Count());
        Assert.Equal(1000, bot.Store.Count());
        var numbers = references.Select(r => int.Parse(r[^6..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 1000), numbers);
        _output.WriteLine($"1000 concurrent report.submit from 100 conversations: {clock.ElapsedMilliseconds} ms, {1000 / clock.Elapsed.TotalSeconds:F0} filings/s");
    }

    public void Dispose() => _db.Dispose();
}
