using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Cppcc.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Hosting;

/// <summary>
/// With MicrosoftAppId set, against a loopback Bot Framework token service: a real channel token gets a real turn; a
/// token that vouches for another serviceUrl does not; and a metadata endpoint that never answers costs each request
/// a 401 within seconds, all at once, and the bot recovers when it answers again.
/// </summary>
public sealed class BotFrameworkTokenTests : IAsyncLifetime, IDisposable
{
    private const string ServiceUrl = "https://smba.trafficmanager.net/amer/";

    private readonly TempDatabase _db = new();
    private readonly LogCapture _logs = new();
    private BotFrameworkIssuer _issuer = null!;

    public async Task InitializeAsync() => _issuer = await BotFrameworkIssuer.StartAsync();

    private BotFactory Bot(Dictionary<string, string?>? more = null) => new(_db, _issuer.Settings(more), services =>
    {
        _issuer.TrustFrom(services);
        services.AddSingleton<ILoggerProvider>(_logs);
    });

    [Fact]
    public async Task A_valid_channel_token_gets_a_real_turn()
    {
        using var factory = Bot();
        var response = await PostAsync(factory.CreateClient(), _issuer.Token(ServiceUrl), Message("菜单", ServiceUrl));

        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync() + string.Join("\n", _logs.Entries.Select(e => e.Message + e.Exception)));
        var replies = (JArray)JObject.Parse(await response.Content.ReadAsStringAsync())["activities"]!;
        Assert.Contains("主菜单", Assert.Single(replies)["attachments"]![0]!["content"]!.ToString());
    }

    [Fact]
    public async Task A_token_for_another_serviceUrl_gets_401_and_no_turn()
    {
        using var factory = Bot();
        var response = await PostAsync(factory.CreateClient(), _issuer.Token(ServiceUrl), Message("菜单", "http://10.0.0.5/internal/"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain(_logs.Entries, e => e.Category.Contains("CppccBot", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_token_that_vouches_for_no_serviceUrl_gets_401()
    {
        using var factory = Bot();
        var response = await PostAsync(factory.CreateClient(), _issuer.Token(serviceUrl: null), Message("菜单", ServiceUrl));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_Emulator_token_which_vouches_for_no_serviceUrl_gets_401()
    {
        // The SDK accepts a token from the Emulator's issuer for this app id without any serviceurl claim.
        using var factory = Bot(new() { ["ToBotFromEmulatorOpenIdMetadataUrl"] = _issuer.MetadataUrl });
        var token = _issuer.Token(serviceUrl: null, d =>
        {
            d.Issuer = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/";
            d.Claims = new Dictionary<string, object> { ["ver"] = "1.0", ["appid"] = BotFrameworkIssuer.AppId };
        });

        var response = await PostAsync(factory.CreateClient(), token, Message("菜单", "http://10.0.0.5/internal/"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_metadata_endpoint_that_never_answers_gives_300_quick_401s_and_the_bot_recovers()
    {
        using var factory = Bot(new()
        {
            ["Hosting:OpenIdMetadataTimeout"] = "00:00:01",
            ["Hosting:OpenIdMetadataRetryAfter"] = "00:00:01",
        });
        var client = factory.CreateClient();
        // Well above the bounded wait (2 × 1 s + 2 s), far below the SDK's own 100 s per request.
        client.Timeout = TimeSpan.FromSeconds(30);
        _issuer.Hang();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 300).Select(async i =>
        {
            try
            {
                using var response = await PostAsync(client, _issuer.Token(ServiceUrl), Message("菜单 " + i, ServiceUrl));
                return (int)response.StatusCode;
            }
            catch (TaskCanceledException)
            {
                return 0; // no answer in time
            }
        })).WaitAsync(TimeSpan.FromSeconds(90)); // a bound for a failing run only: the SDK alone waits 100 s per request, one at a time

        Assert.Equal(300, statuses.Count(s => s == 401));
        // One shared fetch per try, not one per request.
        Assert.InRange(_issuer.HeldConnections, 1, 10);
        Assert.Contains(_logs.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("could not be fetched", StringComparison.Ordinal)
                                            && e.Message.Contains("no answer within 1 s", StringComparison.Ordinal));

        _issuer.Answer();
        var recovered = HttpStatusCode.Unauthorized;
        for (var attempt = 0; attempt < 40 && recovered != HttpStatusCode.OK; attempt++)
        {
            await Task.Delay(250);
            using var response = await PostAsync(client, _issuer.Token(ServiceUrl), Message("菜单", ServiceUrl));
            recovered = response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.OK, recovered);
    }

    [Fact]
    public async Task Refused_tokens_are_logged_as_one_line_without_a_stack_trace()
    {
        using var factory = Bot();
        var client = factory.CreateClient();
        foreach (var token in new[] { "abc.def.ghi", "a.b.c.d.e", _issuer.Token(ServiceUrl, d => d.Audience = "someone-else") })
        {
            using var response = await PostAsync(client, token, Message("菜单", ServiceUrl));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        var refusals = _logs.Entries.Where(e => e.Message.StartsWith("Refused", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, refusals.Count);
        Assert.All(refusals, e => Assert.DoesNotContain('\n', e.Message));
        Assert.DoesNotContain(_logs.Entries, e => e.Exception is not null || e.Message.Contains("   at ", StringComparison.Ordinal));
    }

    internal static JObject Message(string text, string serviceUrl)
    {
        var activity = BotFactory.TeamsMessage(text);
        activity["serviceUrl"] = serviceUrl;
        activity["deliveryMode"] = "expectReplies";
        return activity;
    }

    internal static Task<HttpResponseMessage> PostAsync(HttpClient client, string? token, JObject activity)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToString(), Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client.SendAsync(request);
    }

    public Task DisposeAsync() => _issuer.DisposeAsync().AsTask();

    public void Dispose() => _db.Dispose();
}
