using Cppcc.Bot.Tests.Support;

namespace Cppcc.Bot.Tests.Reports;

public class ReportConcurrencyTests : IDisposable
{
    private readonly TempDatabase _db = new();

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

        var replies = await Task.WhenAll(submissions.Select(s => Task.Run(() => bot.Member("", s.Value, user: s.User))));

        var references = replies.Select(ReportBot.Reference).ToList();
        var failed = replies.Select(ReportBot.Read).Where(r => !r.Contains("已提交，编号 SQ-", StringComparison.Ordinal)).ToList();
        Assert.True(failed.Count == 0, $"{failed.Count} submissions failed, e.g. “{failed.FirstOrDefault()}”");
        Assert.Equal(1000, references.Distinct().Count());
        Assert.Equal(1000, bot.Store.Count());
        var numbers = references.Select(r => int.Parse(r[^6..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(1, 1000), numbers);
    }

    public void Dispose() => _db.Dispose();
}
