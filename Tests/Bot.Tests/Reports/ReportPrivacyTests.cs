using System.Collections.Concurrent;
using Cppcc.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cppcc.Bot.Tests.Reports;

public class ReportPrivacyTests : IDisposable
{
    private readonly TempDatabase _db = new();

    [Fact]
    public async Task Names_phone_numbers_and_texts_never_reach_the_logs()
    {
        var logs = new LogCapture();
        using var bot = new ReportBot(_db, settings: new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Trace" },
            services: s => s.AddSingleton<ILoggerProvider>(logs));
        var reference = ReportBot.Reference(await bot.Public("", ReportBot.Submit("suggestion", "机密标题路灯", "和平路路灯坏了。", "城乡建设", null, "陈秘密", "13912345678")));
        await bot.Public("", ReportBot.Submit("suggestion", "机密标题路灯", "和平路路灯坏了。", "城乡建设", null, "陈秘密", "13912345678"));
        await bot.Staff("", ReportBot.Transition(reference, "returned", "退回原因保密"));
        await bot.Staff("查询 " + reference);
        await bot.Factory.DeliveryIdleAsync(); // the notices' sends log too

        Assert.NotEmpty(logs.Lines);
        Assert.Contains(logs.Lines, l => l.Contains(reference, StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, l => l.Contains("13912345678", StringComparison.Ordinal) || l.Contains("陈秘密", StringComparison.Ordinal)
            || l.Contains("机密标题", StringComparison.Ordinal) || l.Contains("退回原因保密", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_public_visitor_is_never_shown_other_peoples_submissions_as_similar()
    {
        using var bot = new ReportBot(_db);
        var members = ReportBot.Reference(await bot.Member("", ReportBot.Submit("suggestion", "实验小学门口交通拥堵", "早晚高峰接送车辆占用主干道。")));
        var visitors = ReportBot.Reference(await bot.Public("", ReportBot.Submit("suggestion", "实验小学门口交通拥堵严重", "早晚高峰车辆占用主干道。", anonymous: true),
            user: "web-2", conversation: "dl-2"));

        // The 建议 dialog shows similar items with its summary, before the visitor confirms.
        var seen = new List<string>();
        foreach (var answer in new[] { "建议", "教育", "实验小学门口交通拥堵问题", "放学时段校门口车辆乱停，请加强管理。", "实验小学", "是" })
        {
            seen.Add(ReportBot.Read(await bot.Public(answer)));
        }
        // The one-step card submit shows them with the filing reply.
        seen.Add(ReportBot.Read(await bot.Public("", ReportBot.Submit("suggestion", "实验小学校门口交通拥堵", "放学时段车辆乱停。", anonymous: true),
            user: "web-3", conversation: "dl-3")));

        var text = string.Join("\n", seen);
        Assert.Contains("确认提交吗", text); // the dialog reached its summary
        Assert.DoesNotContain("已有以下相似的信息", text);
        Assert.DoesNotContain(members, text);
        Assert.DoesNotContain(visitors, text);
        Assert.DoesNotContain("实验小学门口交通拥堵严重", text);
        Assert.DoesNotContain("早晚高峰", text);

        // Members still see earlier similar items before filing a duplicate.
        var member = ReportBot.Read(await bot.Member("", ReportBot.Submit("suggestion", "实验小学门口交通拥堵问题", "放学时段车辆乱停。"), user: "m2", name: "李委员"));
        Assert.Contains("已有以下相似的信息", member);
        Assert.Contains(members, member);
    }

    public void Dispose() => _db.Dispose();

    private sealed class LogCapture : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(LogCapture owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                => owner.Lines.Enqueue($"{category}: {formatter(state, exception)} {exception}");
        }
    }
}
