using Cppcc.Bot.Storage;
using Cppcc.Bot.Tests.Support;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Cppcc.Bot.Tests.Storage;

/// <summary>
/// LiteDB keeps its first write error and throws it forever: the watchdog stops the bot (for a restart that keeps every
/// record) only after several failed reads in a row, and never while the database answers.
/// </summary>
public sealed class StorageWatchdogTests : IDisposable
{
    private readonly TempDatabase _db = new();
    private readonly FakeTimeProvider _time = new();
    private readonly Lifetime _lifetime = new();

    [Fact]
    public async Task A_database_that_stops_answering_stops_the_bot_after_three_failed_reads()
    {
        var database = _db.Open();
        database.GetCollection("notes").Insert(new BsonDocument { ["title"] = "x" });
        var watchdog = Start(database);

        await TickAsync(watchdog, 5);
        Assert.False(_lifetime.Stopped); // healthy: checked, nothing done

        database.Dispose(); // every call now throws, as after LiteDB's first write error
        await TickAsync(watchdog, 2);
        Assert.False(_lifetime.Stopped); // one bad read may be a moment
        await TickAsync(watchdog, 1);

        Assert.True(_lifetime.Stopped);
        Assert.NotNull(watchdog.StoppedBecause);
    }

    private StorageWatchdog Start(ILiteDatabase database)
    {
        var services = new ServiceCollection()
            .AddSingleton(database)
            .AddSingleton<IOptions<StorageOptions>>(Options.Create(new StorageOptions()))
            .BuildServiceProvider();
        var watchdog = new StorageWatchdog(services, _lifetime, _time, NullLogger<StorageWatchdog>.Instance);
        watchdog.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
        return watchdog;
    }

    /// <summary>Moves the clock one interval at a time, each time until the watchdog has made that read.</summary>
    private async Task TickAsync(StorageWatchdog watchdog, int times)
    {
        for (var i = 0; i < times; i++)
        {
            // ExecuteAsync runs on the thread pool: until its timer exists, a move of the clock finds nothing to fire, so
            // the clock moves again until the read is made (once the timer exists, each move is exactly one read).
            var before = watchdog.Checks;
            for (var wait = 0; wait < 20 && watchdog.Checks == before; wait++)
            {
                _time.Advance(StorageWatchdog.Interval);
                for (var poll = 0; poll < 100 && watchdog.Checks == before; poll++)
                {
                    await Task.Delay(5);
                }
            }

            Assert.Equal(before + 1, watchdog.Checks);
        }
    }

    public void Dispose() => _db.Dispose();

    private sealed class Lifetime : IHostApplicationLifetime
    {
        public bool Stopped { get; private set; }

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => CancellationToken.None;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => Stopped = true;
    }
}
