using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Cppcc.Browser.Tests;

/// <summary>
/// The real bot on Kestrel at 127.0.0.1:{free port} (temp LiteDB, the repository's kb/ plus one test entry) and one
/// headless Debian Chromium, never downloaded, that can resolve nothing but loopback.
/// </summary>
public sealed class WebChatPageFixture : IAsyncLifetime
{
    public const string Question = "区政协的办公时间是什么时候？";
    public const string Answer = "工作日上午九点至下午五点";
    public const string HtmlQuestion = "参观政协大楼要带什么证件？";
    public const string StaffAadObjectId = "aad-staff-browser-test";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cppcc-browser-" + Guid.NewGuid().ToString("N"));
    private WebApplicationFactory<Program>? _factory;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";

    public IBrowser Browser { get; private set; } = null!;

    public IServiceProvider Services => _factory!.Services;

    public static string RepositoryRoot { get; } = FindRoot();

    public async Task InitializeAsync()
    {
        var kb = Path.Combine(_folder, "kb");
        Directory.CreateDirectory(kb);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "kb")))
        {
            File.Copy(file, Path.Combine(kb, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(kb, "zz-browser-test.yaml"), $"""
            - id: browser-test-office-hours
              questions:
                - {Question}
              answer: {Answer}接待来访。
              audience: public
            - id: browser-test-html-answer
              questions:
                - {HtmlQuestion}
              answer: |
                <b>请带好</b>证件。<img src="x" onerror="window.__answerHtml = 1">
              audience: public
            """);
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web => web.ConfigureAppConfiguration((_, config) =>
            config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Storage:Path"] = Path.Combine(_folder, "bot.db"),
                ["KnowledgeBase:Path"] = kb,
                ["Staff:UserIds:0"] = StaffAadObjectId,
            })));
        _factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        BaseUrl = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        if (!File.Exists(ChromiumFactAttribute.ExecutablePath))
        {
            return;
        }

        // The 3.9 MB bundle parses slowly on a busy 2-core machine: allow more than Playwright's default 5 s.
        Assertions.SetDefaultExpectTimeout(20_000);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumFactAttribute.ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
            ],
        });
    }

    public async Task DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }

        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // The host may hold the database a moment longer; the OS temp cleaner takes it.
        }
    }

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
