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
