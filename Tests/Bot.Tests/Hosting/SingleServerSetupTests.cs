using System.Net;
using System.Text;
using Cppcc.Bot.Tests.Support;

namespace Cppcc.Bot.Tests.Hosting;

/// <summary>
/// The documented single-server settings (deploymentTemplates/server/cppcc-bot.env.example): as shipped the bot serves
/// the web chat and refuses /api/messages to anyone but the server itself; with the Teams lines filled in, only
/// requests with a Bot Framework token get a turn.
/// </summary>
public sealed class SingleServerSetupTests : IAsyncLifetime, IDisposable
{
    private const string TeamsServiceUrl = "https://smba.trafficmanager.net/amer/";

    private readonly TempDatabase _db = new();
    private BotFrameworkIssuer _issuer = null!;

    public async Task InitializeAsync() => _issuer = await BotFrameworkIssuer.StartAsync();

    [Fact]
    public async Task As_shipped_only_the_server_itself_may_post_and_the_web_chat_works()
    {
        var settings = EnvironmentFile(uncomment: _ => false);
        Assert.DoesNotContain(settings.Keys, k => k.StartsWith("MicrosoftApp", StringComparison.Ordinal));
        using var factory = new BotFactory(_db, settings, ClientAddress.Register);
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(client, "203.0.113.7", token: null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, "127.0.0.1", token: null, "http://127.0.0.1:9/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/v3/directline/tokens/generate", null)).StatusCode);
    }

    [Fact]
    public async Task With_the_Teams_lines_filled_in_a_token_is_required()
    {
        var settings = EnvironmentFile(uncomment: key => key.StartsWith("MicrosoftApp", StringComparison.Ordinal));
        Assert.Equal("SingleTenant", settings["MicrosoftAppType"]);
        settings["MicrosoftAppType"] = "MultiTenant"; // the loopback token service stands in for the tenant's Entra ID
        settings["MicrosoftAppTenantId"] = "";
        foreach (var (key, value) in _issuer.Settings())
        {
            settings[key] = value;
        }

        using var factory = new BotFactory(_db, settings, services =>
        {
            ClientAddress.Register(services);
            _issuer.TrustFrom(services);
        });
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(client, "127.0.0.1", token: null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(client, "203.0.113.7", token: null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, "52.112.0.1", _issuer.Token(TeamsServiceUrl))).StatusCode);
    }

    // KEY=VALUE lines of the example file; commented ones ("# Key=...") only where uncomment says so.
    private static Dictionary<string, string?> EnvironmentFile(Func<string, bool> uncomment)
    {
        var settings = new Dictionary<string, string?>();
        var path = Path.Combine(BotFactory.RepositoryRoot, "deploymentTemplates", "server", "cppcc-bot.env.example");
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            var commented = line.StartsWith('#');
            line = line.TrimStart('#', ' ');
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || line[..equals].Contains(' ', StringComparison.Ordinal))
            {
                continue;
            }

            var key = line[..equals];
            if (!commented || uncomment(key))
            {
                settings[key.Replace("__", ":", StringComparison.Ordinal)] = line[(equals + 1)..];
            }
        }

        return settings;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string address, string? token, string serviceUrl = TeamsServiceUrl)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(BotFrameworkTokenTests.Message("菜单", serviceUrl).ToString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(ClientAddress.Header, address);
        if (token is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        }

        return client.SendAsync(request);
    }

    public Task DisposeAsync() => _issuer.DisposeAsync().AsTask();

    public void Dispose() => _db.Dispose();
}
