using Cppcc.Bot.Storage;
using Cppcc.Bot.Storage.Postgres;
using Cppcc.Bot.Tests.Support;
using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Storage;

/// <summary>The bot state contract (the SDK's <see cref="IStorage"/> with ETags), on LiteDB and on PostgreSQL alike.</summary>
public class BotStateStorageTests
{
    private static Task<StoreContext> OpenAsync(StorageProvider provider) => StoreContext.CreateAsync(provider, PostgresStorage.Schema);

    private static IStorage StorageOf(StoreContext context) => context.Store<IStorage, LiteDbStorage, PostgresStorage>();

    public sealed class Note : IStoreItem
    {
        public string Text { get; set; } = "";
        public List<int> Numbers { get; set; } = new();
        public string? ETag { get; set; }
    }

    public sealed class Plain
    {
        public DateTimeOffset At { get; set; }
        public Dictionary<string, object> Bag { get; set; } = new();
    }

    [StoreTheory]
    public async Task Writes_reads_and_deletes_many_keys_with_their_types(StorageProvider provider)
    {
        await using var context = await OpenAsync(provider);
        var storage = StorageOf(context);
        var at = new DateTimeOffset(2026, 11, 27, 8, 30, 0, TimeSpan.FromHours(8));
        await storage.WriteAsync(new Dictionary<string, object>
        {
            ["a"] = new Note { Text = "社情民意", Numbers = { 1, 2, 3 } },
            ["b"] = new Plain { At = at, Bag = { ["n"] = 42L, ["s"] = "学习" } },
        });

        var read = await storage.ReadAsync(new[] { "a", "b", "missing" });

        Assert.Equal(2, read.Count);
        var note = Assert.IsType<Note>(read["a"]);
        Assert.Equal("社情民意", note.Text);
        Assert.Equal(new[] { 1, 2, 3 }, note.Numbers);
        Assert.False(string.IsNullOrEmpty(note.ETag));
        var plain = Assert.IsType<Plain>(read["b"]);
        Assert.Equal(at, plain.At);
        Assert.Equal("学习", plain.Bag["s"]);

        await storage.DeleteAsync(new[] { "a", "b" });
        Assert.Empty(await storage.ReadAsync(new[] { "a", "b" }));
    }

    [StoreTheory]
    public async Task A_stale_etag_fails_and_star_always_wins(StorageProvider provider)
    {
        await using var context = await OpenAsync(provider);
        var storage = StorageOf(context);
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "v1" } });
        var first = (Note)(await storage.ReadAsync(new[] { "k" }))["k"];
        var second = (Note)(await storage.ReadAsync(new[] { "k" }))["k"];

        first.Text = "v2";
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = first });
        second.Text = "stale";
        await Assert.ThrowsAsync<InvalidOperationException>(() => storage.WriteAsync(new Dictionary<string, object> { ["k"] = second }));
        Assert.Equal("v2", ((Note)(await storage.ReadAsync(new[] { "k" }))["k"]).Text);

        second.ETag = "*";
        await storage.WriteAsync(new Dictionary<string, object> { ["k"] = second });
        Assert.Equal("stale", ((Note)(await storage.ReadAsync(new[] { "k" }))["k"]).Text);
    }

    [StoreTheory]
    public async Task A_conflict_on_one_key_writes_none_of_the_batch(StorageProvider provider)
    {
        await using var context = await OpenAsync(provider);
        var storage = StorageOf(context);
        await storage.WriteAsync(new Dictionary<string, object> { ["x"] = new Note { Text = "x1" } });

        var batch = new Dictionary<string, object>
        {
            ["y"] = new Note { Text = "y1" },
            ["x"] = new Note { Text = "x2", ETag = "not-the-current-etag" },
        };
        await Assert.ThrowsAsync<InvalidOperationException>(() => storage.WriteAsync(batch));

        var read = await storage.ReadAsync(new[] { "x", "y" });
        Assert.Equal("x1", ((Note)read["x"]).Text);
        Assert.False(read.ContainsKey("y"));
    }

    [StoreTheory]
    public async Task Concurrent_writers_with_etags_never_lose_an_increment(StorageProvider provider)
    {
        await using var context = await OpenAsync(provider);
        var storage = StorageOf(context);
        await storage.WriteAsync(new Dictionary<string, object> { ["counter"] = new Note { Text = "0" } });

        async Task IncrementAsync()
        {
            while (true)
            {
                var note = (Note)(await storage.ReadAsync(new[] { "counter" }))["counter"];
                note.Text = (int.Parse(note.Text) + 1).ToString();
                try
                {
                    await storage.WriteAsync(new Dictionary<string, object> { ["counter"] = note });
                    return;
                }
                catch (InvalidOperationException)
                {
                    // Lost the race: read again, as BotState users do.
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < 50; i++)
            {
                await IncrementAsync();
            }
        })));

        Assert.Equal("400", ((Note)(await storage.ReadAsync(new[] { "counter" }))["counter"]).Text);
    }

    [StoreTheory]
    public async Task State_survives_a_restart_of_the_database(StorageProvider provider)
    {
        await using var context = await OpenAsync(provider);
        await StorageOf(context).WriteAsync(new Dictionary<string, object> { ["conv"] = new Note { Text = "第三步" } });

        await context.ReopenAsync();
        var read = await StorageOf(context).ReadAsync(new[] { "conv" });
        Assert.Equal("第三步", ((Note)read["conv"]).Text);
    }

    [StoreTheory]
    public async Task Very_long_keys_are_stored_and_read_back(StorageProvider provider)
    {
        await using var context = await OpenAsync(provider);
        var storage = StorageOf(context);
        var key = "msteams/conversations/" + new string('会', 3000) + "/";
        await storage.WriteAsync(new Dictionary<string, object> { [key] = new Note { Text = "长" } });

        Assert.Equal("长", ((Note)(await storage.ReadAsync(new[] { key }))[key]).Text);
    }

    [StoreTheory]
    public async Task A_planted_type_name_in_stored_user_data_is_refused_not_instantiated(StorageProvider provider)
    {
        await using var context = await OpenAsync(provider);
        var storage = StorageOf(context);
        var hostile = new JObject { ["$type"] = "System.IO.FileInfo, System.Private.CoreLib", ["fileName"] = "/etc/passwd" };
        await storage.WriteAsync(new Dictionary<string, object> { ["h"] = new Plain { Bag = { ["value"] = hostile } } });

        var error = await Record.ExceptionAsync(() => storage.ReadAsync(new[] { "h" }));
        Assert.IsType<Newtonsoft.Json.JsonSerializationException>(error);
        Assert.Contains("not allowed", (error.InnerException ?? error).Message);
    }
}
