using System.Net;
using System.Text;
using Cppcc.Bot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Hosting;

/// <summary>
/// Without MicrosoftAppId nothing vouches for a caller, so /api/messages serves only this machine and the networks in
/// Hosting:AllowUnauthenticatedFrom, and answers only at serviceUrls on those.
/// </summary>
public sealed class LocalOnlyTests : IDisposable
{
    private readonly TempDatabase _db = new();

    private BotFactory Bot(params string[] allowed)
    {
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < allowed.Length; i++)
        {
            settings[$"Hosting:AllowUnauthenticatedFrom:{i}"] = allowed[i];
        }

        return new BotFactory(_db, settings, ClientAddress.Register);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("::1")]
    [InlineData("::ffff:127.0.0.1")]
    public async Task Loopback_callers_are_answered(string address)
    {
        using var factory = Bot();
        var response = await PostAsync(factory.CreateClient(), address, Message("http://127.0.0.1:9/"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("主菜单", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("203.0.113.7")]
    [InlineData("10.1.2.3")]
    [InlineData("192.168.1.20")]
    [InlineData("2001:db8::5")]
    [InlineData("::ffff:198.51.100.1")]
    public async Task Other_callers_get_401_with_a_reason(string address)
    {
        using var factory = Bot();
        var response = await PostAsync(factory.CreateClient(), address, Message("http://127.0.0.1:9/"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("Hosting:AllowUnauthenticatedFrom", body);
        Assert.DoesNotContain("主菜单", body);
    }

    [Fact]
    public async Task A_local_proxy_relaying_someone_else_is_not_a_local_caller()
    {
        using var factory = Bot();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(Message("http://127.0.0.1:9/").ToString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(ClientAddress.Header, "127.0.0.1");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_listed_network_is_answered_and_others_still_are_not()
    {
        using var factory = Bot("10.8.0.0/16", "fd00:1::/64");
        var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, "10.8.3.4", Message("http://10.8.0.1:3979/"))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await PostAsync(client, "fd00:1::9", Message("http://[fd00:1::1]/"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(client, "10.9.0.1", Message("http://127.0.0.1:9/"))).StatusCode);
    }

    [Theory]
    [InlineData("http://10.0.0.1/")]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("https://smba.trafficmanager.net/amer/")]
    [InlineData("http://localhost.example.org/")]
    [InlineData("http://0.0.0.0:80/")]
    [InlineData("http://[::ffff:10.0.0.1]/")]
    [InlineData("http://10.9.0.1/")]
    public async Task A_serviceUrl_outside_the_trusted_networks_gets_401_and_nothing_is_sent(string serviceUrl)
    {
        using var factory = Bot("10.8.0.0/16");
        var response = await PostAsync(factory.CreateClient(), "127.0.0.1", Message(serviceUrl, expectReplies: false));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("serviceUrl", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("http://localhost:3979/")]
    [InlineData("http://[::1]:3979/")]
    [InlineData("http://127.0.0.1:9/")]
    public async Task Local_serviceUrls_are_accepted(string serviceUrl)
    {
        using var factory = Bot();
        var response = await PostAsync(factory.CreateClient(), "127.0.0.1", Message(serviceUrl));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private static JObject Message(string serviceUrl, bool expectReplies = true)
    {
        var activity = BotFactory.TeamsMessage("菜单");
        activity["serviceUrl"] = serviceUrl;
        if (expectReplies)
        {
            activity["deliveryMode"] = "expectReplies";
        }

        return activity;
    }

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string address, JObject activity)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(activity.ToString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(ClientAddress.Header, address);
        return client.SendAsync(request);
    }

    public void Dispose() => _db.Dispose();
}
