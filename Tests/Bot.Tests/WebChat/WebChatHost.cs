using System.Net;
using Cppcc.Bot.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Cppcc.Bot.Tests.WebChat;

/// <summary>
/// The real bot (temp LiteDB, a one-entry public knowledge base) with a fake clock and the web chat settings of the
/// test at hand. Per-address limits are generous unless a test sets its own: every test client is the same address.
/// </summary>
internal sealed class WebChatHost : IAsyncDisposable
{
    public const string Question = "区政协的办公时间是什么时候？";
    public const string Answer = "工作日上午九点至下午五点";

    private readonly TempDatabase _database = new();

    public WebChatHost(params (string Key, string? Value)[] settings)
    {
        var kb = KnowledgeFolder = Path.Combine(_database.Folder, "kb");
        Directory.CreateDirectory(kb);
        File.WriteAllText(Path.Combine(kb, "office.yaml"), $"""
            - id: office-hours
              questions:
                - {Question}
              answer: {Answer}接待来访。
              audience: public
            """);
        var all = new Dictionary<string, string?>
        {
            ["KnowledgeBase:Path"] = kb,
            ["WebChat:ClientConversationBurst"] = "1000",
            ["WebChat:ClientRequestBurst"] = "1000",
            ["WebChat:MaxConversationsPerClient"] = "100000",
        };
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        Factory = new BotFactory(_database, all, services => services.AddSingleton<TimeProvider>(Time));
    }

    /// <summary>The knowledge base folder; files added before the first request are loaded.</summary>
    public string KnowledgeFolder { get; }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));

    public BotFactory Factory { get; }

    public TestServer Server => Factory.Server;

    public IServiceProvider Services => Factory.Services;

    public DirectLineClient DirectLine() => new(Factory.CreateClient());

    /// <summary>Serves on 127.0.0.1:{free port} instead of the in-memory TestServer, for clients outside this process.</summary>
    public string StartOnLoopback()
    {
        Factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        Factory.StartServer();
        return Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        _database.Dispose();
    }
}
