using System.Net;
using Cppcc.Bot.Hosting;
using Cppcc.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Cppcc.Bot.Tests.Hosting;

/// <summary>
/// A turn whose replies cannot reach the channel (its serviceUrl refuses the connection) is one warning line for the
/// operator, not two error entries with a stack trace each, and the caller still gets 200.
/// </summary>
public sealed class UnreachableChannelTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private readonly LogCapture _logs = new();

    [Fact]
    public async Task A_channel_that_refuses_the_reply_is_one_warning_without_a_stack_trace()
    {
        using var factory = new BotFactory(_db, services: s => s.AddSingleton<ILoggerProvider>(_logs));
        var activity = BotFactory.TeamsMessage("菜单");
        // Port 9 (discard) on loopback: nothing listens, the connection is refused.
        activity["serviceUrl"] = "http://127.0.0.1:9/";

        using var response = await BotFrameworkTokenTests.PostAsync(factory.CreateClient(), token: null, activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var turnErrors = _logs.Entries.Where(e => e.Category == typeof(AdapterWithErrorHandler).FullName && e.Level >= LogLevel.Warning).ToList();
        var line = Assert.Single(turnErrors);
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Null(line.Exception);
        Assert.Contains("could not be reached", line.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(_logs.Entries, e => e.Level >= LogLevel.Error);
    }

    public void Dispose() => _db.Dispose();
}
