using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Support;

/// <summary>The real bot host on a temporary LiteDB file and the repository's kb/, with extra settings per test.</summary>
public sealed class BotFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    public BotFactory(TempDatabase database, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
        _settings = new Dictionary<string, string?>
        {
            ["Storage:Path"] = database.FilePath,
            ["KnowledgeBase:Path"] = Path.Combine(RepositoryRoot, "kb"),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>
    /// Stops the bot and returns once it has let go of its database, as a restarted process would only start after the
    /// old one exited. The bot's own entry point disposes the host on its thread too, and may still be writing the
    /// journal back when the factory's dispose returns; a bot started at that moment would be refused "in use".
    /// </summary>
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        // Only a bot that took the file's lock has anything to let go of (a bot on PostgreSQL never touches the file).
        if (_settings.GetValueOrDefault("Storage:Path") is not { } path || !File.Exists(Cppcc.Bot.Storage.DatabaseLock.LockPathFor(path)))
        {
            return;
        }

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            try
            {
                Cppcc.Bot.Storage.DatabaseLock.Acquire(path).Dispose();
                return;
            }
            catch (Cppcc.Bot.Hosting.StartupProblem) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(10);
            }
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration((_, config) => config.AddInMemoryCollection(_settings));
        if (_services is not null)
        {
            builder.ConfigureTestServices(_services);
        }
    }

    /// <summary>
    /// Waits until the bot's proactive sending is parked: every message queued so far has been sent (or has failed and
    /// waits for a retry). "Nothing was sent" holds only after this.
    /// </summary>
    public Task DeliveryIdleAsync() => Services.GetRequiredService<Cppcc.Bot.Delivery.BackgroundActivity>().WaitUntilIdleAsync();

    /// <summary>Posts an activity with expectReplies and returns the bot's replies.</summary>
    public static async Task<JArray> SendAsync(HttpClient client, JObject activity)
    {
        activity["deliveryMode"] = "expectReplies";
        using var content = new StringContent(activity.ToString(), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync("/api/messages", content);
        response.EnsureSuccessStatusCode();
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        return (JArray?)body["activities"] ?? new JArray();
    }

    /// <summary>
    /// What a reply reads as: its text, then the TextBlocks of its Adaptive Cards one per line (a knowledge-base answer
    /// is one card with no text).
    /// </summary>
    public static string ReadableText(JToken reply)
    {
        var blocks = (reply["attachments"] as JArray ?? [])
            .SelectMany(a => a["content"]?.SelectTokens("$..[?(@.type == 'TextBlock')].text") ?? [])
            .Select(t => (string?)t);
        return string.Join("\n", new[] { (string?)reply["text"] }.Concat(blocks).Where(t => !string.IsNullOrEmpty(t)));
    }

    /// <summary>A Teams-shaped personal message.</summary>
    public static JObject TeamsMessage(string text, string userId = "29:member-1", string aadObjectId = "aad-member-1", string conversationId = "a:personal-1")
        => new()
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = "msteams",
            ["serviceUrl"] = "http://127.0.0.1:9/",
            ["locale"] = "zh-CN",
            ["from"] = new JObject { ["id"] = userId, ["aadObjectId"] = aadObjectId, ["name"] = "委员甲" },
            ["recipient"] = new JObject { ["id"] = "28:bot" },
            ["conversation"] = new JObject { ["id"] = conversationId, ["conversationType"] = "personal", ["tenantId"] = "tenant-1" },
            ["text"] = text,
        };

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Bot.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Bot.sln not found above the test binaries.");
    }
}
