using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Cppcc.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace Cppcc.Bot.Tests.Hosting;

/// <summary>
/// A corpus of hostile requests to /api/messages, built from tables of token shapes, body shapes, callers and
/// serviceUrls, sent to the bot with authentication on (against a loopback token service) and off. None may get a 5xx;
/// each gets the status its row names; nothing is logged with a stack trace; and the bot still answers a normal
/// message afterwards.
/// </summary>
public sealed class HostileRequestTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private const string TeamsServiceUrl = "https://smba.trafficmanager.net/amer/";
    private const string LocalServiceUrl = "http://127.0.0.1:9/";
    private const int Limit = 256 * 1024;

    private readonly TempDatabase _onDb = new();
    private readonly TempDatabase _offDb = new();
    private readonly LogCapture _logs = new();
    private BotFrameworkIssuer _issuer = null!;

    public async Task InitializeAsync() => _issuer = await BotFrameworkIssuer.StartAsync();

    [Fact]
    public async Task No_hostile_request_gets_a_5xx_and_the_bot_answers_afterwards()
    {
        using var authOn = new BotFactory(_onDb, _issuer.Settings(new() { ["ToBotFromEmulatorOpenIdMetadataUrl"] = _issuer.MetadataUrl }), Services);
        using var authOff = new BotFactory(_offDb, _issuer.Settings(new() { ["MicrosoftAppId"] = "", ["MicrosoftAppPassword"] = "" }), Services);
        var cases = Corpus().ToList();

        var statuses = new List<int>();
        var serverErrors = new List<string>();
        var unexpected = new List<string>();
        foreach (var c in cases)
        {
            var client = (c.AuthOn ? authOn : authOff).CreateClient();
            using var response = await client.SendAsync(c.Request());
            var status = (int)response.StatusCode;
            statuses.Add(status);
            if (status >= 500)
            {
                serverErrors.Add($"{c.Name}: {status}");
            }
            else if (status != c.Expected)
            {
                unexpected.Add($"{c.Name}: {status}, expected {c.Expected}");
            }
        }

        output.WriteLine($"{cases.Count} requests: " + string.Join(", ", statuses.GroupBy(s => s).OrderBy(g => g.Key).Select(g => $"{g.Count()} × {g.Key}")));
        Assert.True(cases.Count >= 200, $"only {cases.Count} requests in the corpus");
        Assert.Equal(cases.Count, cases.Select(c => c.Name).Distinct().Count());
        Assert.True(serverErrors.Count == 0, string.Join("\n", serverErrors));
        Assert.True(unexpected.Count == 0, string.Join("\n", unexpected));
        // Refusals are one line each, and nothing escapes to ASP.NET Core's unhandled-exception log. (A turn that runs
        // may still fail and be logged by the turn-error handler, e.g. a reply to Teams without a network here.)
        var refusals = _logs.Entries.Where(e => e.Category == typeof(Cppcc.Bot.Hosting.MessagesEndpoint).FullName).ToList();
        Assert.True(refusals.Count >= cases.Count(c => c.Expected == 401), $"{refusals.Count} refusal lines");
        Assert.All(refusals, e => Assert.True(e.Exception is null && !e.Message.Contains('\n'), e.Message));
        Assert.DoesNotContain(_logs.Entries, e => e.Category.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal) && e.Exception is not null);

        await AssertAnswersAsync(authOn.CreateClient(), _issuer.Token(TeamsServiceUrl), TeamsServiceUrl);
        await AssertAnswersAsync(authOff.CreateClient(), token: null, LocalServiceUrl);
    }

    private void Services(IServiceCollection services)
    {
        _issuer.TrustFrom(services);
        ClientAddress.Register(services);
        services.AddSingleton<ILoggerProvider>(_logs);
    }

    private static async Task AssertAnswersAsync(HttpClient client, string? token, string serviceUrl)
    {
        using var response = await BotFrameworkTokenTests.PostAsync(client, token, BotFrameworkTokenTests.Message("菜单", serviceUrl));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("主菜单", await response.Content.ReadAsStringAsync());
    }

    private sealed record Case(string Name, bool AuthOn, int Expected, Func<HttpRequestMessage> Request);

    private IEnumerable<Case> Corpus()
    {
        foreach (var authOn in new[] { true, false })
        {
            var host = authOn ? "auth on" : "auth off";
            var serviceUrl = authOn ? TeamsServiceUrl : LocalServiceUrl;

            foreach (var (name, header) in TokenShapes())
            {
                yield return new Case($"{host} / token: {name}", authOn, 401, () => Post(Valid(serviceUrl), header(serviceUrl)));
            }

            foreach (var (name, expected, body) in BodyShapes())
            {
                // With auth on, each body comes with a real token for the serviceUrl it names: only the body is wrong.
                yield return new Case($"{host} / body: {name}", authOn, expected, () =>
                {
                    var bytes = body(serviceUrl);
                    return Post(bytes, authOn ? "Bearer " + _issuer.Token(ServiceUrlOf(bytes) ?? serviceUrl) : null);
                });
            }

            foreach (var (name, chunked, size) in Oversized())
            {
                yield return new Case($"{host} / oversized: {name}", authOn, 413, () =>
                {
                    var activity = BotFrameworkTokenTests.Message(new string('长', size / 3), serviceUrl);
                    var bytes = Encoding.UTF8.GetBytes(activity.ToString());
                    var request = Post(bytes, authOn ? "Bearer " + _issuer.Token(serviceUrl) : null);
                    if (chunked)
                    {
                        request.Content = new StreamContent(new UnknownLengthStream(bytes));
                        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                    }

                    return request;
                });
            }

            foreach (var target in ForeignServiceUrls())
            {
                // Auth on: the token vouches for Teams' serviceUrl, the body names another. Auth off: nothing vouches.
                yield return new Case($"{host} / serviceUrl: {target}", authOn, 401,
                    () => Post(Valid(target), authOn ? "Bearer " + _issuer.Token(TeamsServiceUrl) : null));
            }

            if (!authOn)
            {
                foreach (var address in ForeignCallers())
                {
                    yield return new Case($"{host} / caller {address} / menu", false, 401, () => From(address, Post(Valid(serviceUrl), null)));
                    yield return new Case($"{host} / caller {address} / staff claim", false, 401, () =>
                    {
                        var activity = BotFrameworkTokenTests.Message("社情民意列表", serviceUrl);
                        activity["from"]!["aadObjectId"] = "aad-staff-1";
                        return From(address, Post(Encoding.UTF8.GetBytes(activity.ToString()), null));
                    });
                }
            }
        }
    }

    private IEnumerable<(string Name, Func<string, string?> Header)> TokenShapes()
    {
        string Sign(Action<SecurityTokenDescriptor>? change, string url, SigningCredentials? by = null) => _issuer.Token(url, change, by);
        var stranger = new RsaSecurityKey(System.Security.Cryptography.RSA.Create(2048)) { KeyId = BotFrameworkIssuer.KeyId };
        var otherKid = new RsaSecurityKey(System.Security.Cryptography.RSA.Create(2048)) { KeyId = "unknown-kid" };
        var hmac = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("not-a-real-secret-but-32-bytes-long!!")) { KeyId = BotFrameworkIssuer.KeyId };

        yield return ("Bearer abc.def.ghi", _ => "Bearer abc.def.ghi");
        yield return ("Bearer a.b.c.d.e", _ => "Bearer a.b.c.d.e");
        yield return ("garbage base64", _ => "Bearer !!!!.@@@@.####");
        yield return ("truncated base64", _ => "Bearer eyJhbGciOi.eyJzdWIi.c2ln");
        yield return ("empty JSON parts", _ => "Bearer e30.e30.e30");
        yield return ("no signature part", _ => "Bearer e30.e30.");
        yield return ("only dots", _ => "Bearer ..");
        yield return ("scheme alone", _ => "Bearer");
        yield return ("scheme and space", _ => "Bearer ");
        yield return ("no Bearer, dotted", _ => "abc.def.ghi");
        yield return ("no Bearer, real token", url => Sign(null, url));
        yield return ("lower-case scheme", url => "bearer " + Sign(null, url));
        yield return ("Basic credentials", _ => "Basic dXNlcjpwYXNzd29yZA==");
        yield return ("token and a third part", url => "Bearer " + Sign(null, url) + " extra");
        yield return ("two tokens", url => "Bearer " + Sign(null, url) + ", Bearer " + Sign(null, url));
        yield return ("alg none", url => "Bearer " + Unsigned(url));
        yield return ("HS256 with the key id", url => "Bearer " + Sign(null, url, new SigningCredentials(hmac, SecurityAlgorithms.HmacSha256)));
        yield return ("signed by a stranger with the key id", url => "Bearer " + Sign(null, url, new SigningCredentials(stranger, SecurityAlgorithms.RsaSha256)));
        yield return ("unknown key id", url => "Bearer " + Sign(null, url, new SigningCredentials(otherKid, SecurityAlgorithms.RsaSha256)));
        yield return ("algorithm outside the allowed list (PS256)", url => "Bearer " + Sign(null, url, new SigningCredentials(_issuer.Signing.Key, SecurityAlgorithms.RsaSsaPssSha256)));
        yield return ("expired", url => "Bearer " + Sign(d => (d.NotBefore, d.IssuedAt, d.Expires) = (DateTime.UtcNow.AddHours(-3), DateTime.UtcNow.AddHours(-3), DateTime.UtcNow.AddHours(-1)), url));
        yield return ("not yet valid", url => "Bearer " + Sign(d => (d.NotBefore, d.Expires) = (DateTime.UtcNow.AddHours(1), DateTime.UtcNow.AddHours(2)), url));
        yield return ("wrong audience", url => "Bearer " + Sign(d => d.Audience = "99999999-0000-0000-0000-000000000000", url));
        yield return ("no audience", url => "Bearer " + Sign(d => d.Audience = null, url));
        yield return ("wrong issuer", url => "Bearer " + Sign(d => d.Issuer = "https://sts.example.invalid/", url));
        yield return ("Emulator issuer", url => "Bearer " + Sign(d => d.Issuer = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/", url));
        yield return ("no serviceurl claim", _ => "Bearer " + _issuer.Token(serviceUrl: null));
        yield return ("serviceurl claim of another service", _ => "Bearer " + _issuer.Token("http://10.0.0.5/"));
        yield return ("signature flipped", url => "Bearer " + Flip(Sign(null, url)));
        yield return ("signature stripped", url => "Bearer " + Sign(null, url)[..(Sign(null, url).LastIndexOf('.') + 1)]);
        yield return ("header is an array", _ => "Bearer " + B64("[1,2]") + "." + B64("{}") + ".c2ln");
        yield return ("header is not JSON", _ => "Bearer " + B64("hello") + "." + B64("{}") + ".c2ln");
        yield return ("exp is text", _ => "Bearer " + B64("{\"alg\":\"RS256\",\"kid\":\"loopback-key\"}") + "." + B64("{\"exp\":\"tomorrow\",\"iss\":\"https://api.botframework.com\"}") + ".c2ln");
        yield return ("deeply nested payload", _ => "Bearer " + B64("{\"alg\":\"RS256\"}") + "." + B64(new string('[', 5000) + new string(']', 5000)) + ".c2ln");
        yield return ("20 KB of claims from a stranger", url => "Bearer " + Sign(d => d.Claims = new Dictionary<string, object> { ["pad"] = new string('x', 20_000) }, url, new SigningCredentials(stranger, SecurityAlgorithms.RsaSha256)));
        yield return ("JWE-shaped", _ => "Bearer " + string.Join('.', Enumerable.Repeat(B64("{\"alg\":\"RSA-OAEP\",\"enc\":\"A256GCM\"}"), 5)));
    }

    private static IEnumerable<(string Name, int Expected, Func<string, byte[]> Body)> BodyShapes()
    {
        static Func<string, byte[]> Change(Action<JObject> change) => url =>
        {
            var activity = BotFactory.TeamsMessage("菜单");
            activity["serviceUrl"] = url;
            activity["deliveryMode"] = "expectReplies";
            change(activity);
            return Encoding.UTF8.GetBytes(activity.ToString());
        };
        static Func<string, byte[]> Raw(string text) => _ => Encoding.UTF8.GetBytes(text);
        static Func<string, byte[]> Replace(string find, string with) => url =>
            Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(Change(_ => { })(url)).Replace(find, with, StringComparison.Ordinal));
        static JToken Nested(int depth) => depth == 0 ? new JValue(1) : new JObject { ["n"] = Nested(depth - 1) };

        // Refused with 400: missing or mistyped parts of an activity.
        foreach (var field in new[] { "type", "channelId", "serviceUrl", "conversation", "from" })
        {
            yield return ($"no {field}", 400, Change(a => a.Remove(field)));
            yield return ($"{field} null", 400, Change(a => a[field] = JValue.CreateNull()));
            yield return ($"{field} a number", 400, Change(a => a[field] = 123));
            yield return ($"{field} an array", 400, Change(a => a[field] = new JArray("x")));
        }

        foreach (var (field, value) in new (string, JToken)[]
        {
            ("type", true), ("type", new JObject()), ("type", ""), ("channelId", ""), ("conversation", "a:1"), ("from", "29:x"),
            ("recipient", "28:bot"), ("recipient", 5), ("text", 5), ("text", new JArray("菜单")), ("text", new JObject { ["t"] = "菜单" }),
            ("text", true), ("id", 5), ("locale", new JArray()), ("timestamp", "yesterday-ish"), ("timestamp", 5),
            ("localTimestamp", "x"), ("entities", new JObject()), ("entities", "x"), ("entities", new JArray(1)),
            ("entities", JArray.Parse("[[]]")), ("attachments", "x"), ("attachments", new JArray(1)),
            ("membersAdded", "x"), ("membersAdded", new JArray(1)), ("membersAdded", new JArray(new JObject { ["id"] = 5 })),
            ("membersRemoved", new JArray(new JObject { ["name"] = new JArray() })), ("attachments", new JArray(new JObject { ["contentType"] = 5 })),
            ("entities", new JArray(new JObject { ["type"] = new JObject() })),
            ("deliveryMode", 1), ("replyToId", new JObject()), ("value", Nested(100)),
        })
        {
            yield return ($"{field} = {value.ToString(Newtonsoft.Json.Formatting.None)[..Math.Min(20, value.ToString(Newtonsoft.Json.Formatting.None).Length)]}", 400, Change(a => a[field] = value));
        }

        foreach (var (account, field, value) in new (string, string, JToken)[]
        {
            ("conversation", "id", 5), ("conversation", "id", ""), ("conversation", "id", new JArray()), ("conversation", "tenantId", 5),
            ("conversation", "isGroup", "yes"), ("conversation", "id", new string('c', 10_000)), ("from", "id", 5), ("from", "id", ""),
            ("from", "name", new JArray()), ("from", "id", new string('f', 10_000)), ("from", "aadObjectId", new JObject()), ("from", "aadObjectId", new string('a', 100_000)),
            ("recipient", "id", 7), ("recipient", "id", new string('r', 5_000)),
        })
        {
            yield return ($"{account}.{field} = {value.Type} {value.ToString().Length}", 400, Change(a => a[account]![field] = value));
        }

        foreach (var serviceUrl in new[] { "not a url", "ftp://127.0.0.1/", "/relative/", "javascript:alert(1)", "http://", "file:///etc/passwd" })
        {
            yield return ($"serviceUrl '{serviceUrl}'", 400, Change(a => a["serviceUrl"] = serviceUrl));
        }

        yield return ("channelId of 1,000 characters", 400, Change(a => a["channelId"] = new string('m', 1000)));
        yield return ("lone surrogate in type", 400, Replace("\"message\"", "\"\\ud800\""));
        yield return ("lone surrogate in serviceUrl", 400, Replace("\"serviceUrl\": \"", "\"serviceUrl\": \"\\udc00"));
        yield return ("lone surrogate in conversation id", 400, Replace("a:personal-1", "\\ud800"));
        yield return ("invoke of an unknown name", 400, Change(a => { a["type"] = "invoke"; a["name"] = "no/such-invoke"; a.Remove("deliveryMode"); }));
        yield return ("invoke without a name", 400, Change(a => { a["type"] = "invoke"; a.Remove("deliveryMode"); }));
        yield return ("empty body", 400, Raw(""));
        yield return ("null", 400, Raw("null"));
        yield return ("true", 400, Raw("true"));
        yield return ("a number", 400, Raw("123"));
        yield return ("a string", 400, Raw("\"message\""));
        yield return ("an array", 400, Raw("[{\"type\":\"message\"}]"));
        yield return ("an empty object", 400, Raw("{}"));
        yield return ("{\"type\":123}", 400, Raw("{\"type\":123}"));
        yield return ("only a type", 400, Raw("{\"type\":\"message\"}"));
        yield return ("not JSON", 400, Raw("{not json"));
        yield return ("truncated", 400, url => Change(_ => { })(url)[..100]);
        yield return ("trailing garbage", 400, url => [.. Change(_ => { })(url), .. "}xyz"u8.ToArray()]);
        yield return ("NUL bytes", 400, Raw("\0\0\0\0"));
        yield return ("invalid UTF-8", 400, _ => [0xff, 0xfe, 0x7b, 0x22, 0xc3, 0x28, 0x22, 0x7d]);
        yield return ("nested 1,000 levels", 400, Raw(new string('[', 1000) + new string(']', 1000)));
        yield return ("nested object 70 levels", 400, Change(a => a["channelData"] = Nested(70)));

        // Odd but valid: answered (200), the turn runs or the activity is ignored.
        yield return ("unknown type", 200, Change(a => a["type"] = "somethingNew"));
        yield return ("typing", 200, Change(a => a["type"] = "typing"));
        yield return ("conversationUpdate with nobody added", 200, Change(a => { a["type"] = "conversationUpdate"; a["membersAdded"] = new JArray(); }));
        yield return ("value a string", 200, Change(a => a["value"] = "report.submit"));
        yield return ("value an array", 200, Change(a => a["value"] = new JArray(1, 2)));
        yield return ("value with action a number", 200, Change(a => a["value"] = new JObject { ["action"] = 5 }));
        yield return ("value nested 40 levels", 200, Change(a => a["value"] = Nested(40)));
        yield return ("channelData a string", 200, Change(a => a["channelData"] = "x"));
        yield return ("channelData with tenant a number", 200, Change(a => a["channelData"] = new JObject { ["tenant"] = 5 }));
        yield return ("mention entity of the wrong shape", 200, Change(a => a["entities"] = new JArray(new JObject { ["type"] = "mention", ["mentioned"] = "x", ["text"] = 5 })));
        yield return ("attachment of an unknown kind", 200, Change(a => a["attachments"] = new JArray(new JObject { ["contentType"] = "x/y", ["content"] = "z" })));
        yield return ("text of 80,000 characters", 200, Change(a => a["text"] = string.Concat(Enumerable.Repeat("政协委员如何提交社情民意", 80_000 / 12))));
        yield return ("text of control characters", 200, Change(a => a["text"] = "\u0001\u0002\u001b[31m\u0000菜单"));
        yield return ("text of emoji and RTL marks", 200, Change(a => a["text"] = "\u202e菜单😀\u200d"));
        yield return ("unknown locale", 200, Change(a => a["locale"] = "xx-INVALID-locale"));
        yield return ("unknown deliveryMode", 200, Change(a => a["deliveryMode"] = "sometimes"));
        yield return ("duplicate type keys", 200, Replace("\"type\": \"message\",", "\"type\": \"message\", \"type\": \"message\","));
        yield return ("byte order mark", 200, url => [0xef, 0xbb, 0xbf, .. Change(_ => { })(url)]);
        yield return ("group chat without a mention", 200, Change(a => { a["conversation"]!["conversationType"] = "groupChat"; a["conversation"]!["id"] = "19:group"; }));
        yield return ("empty text", 200, Change(a => a["text"] = ""));
        yield return ("card action invoke with a junk value", 400, Change(a => { a["type"] = "invoke"; a["name"] = "adaptiveCard/action"; a["value"] = "junk"; a.Remove("deliveryMode"); }));
        yield return ("value a number too big for a double", 200, Change(a => a["value"] = new JRaw("1e999")));
        yield return ("attachments an empty array", 200, Change(a => a["attachments"] = new JArray()));
    }

    private static IEnumerable<(string Name, bool Chunked, int Size)> Oversized()
    {
        yield return ("just over the limit with Content-Length", false, Limit + 1024);
        yield return ("1 MB with Content-Length", false, 1024 * 1024);
        yield return ("just over the limit, chunked", true, Limit + 1024);
        yield return ("3 MB, chunked", true, 3 * 1024 * 1024);
    }

    private static IEnumerable<string> ForeignServiceUrls() =>
    [
        "http://10.0.0.5/internal/", "http://169.254.169.254/latest/meta-data/", "http://192.168.1.1:8080/",
        "https://evil.example/", "http://localhost.evil.example/", "http://[fd00::1]/", "http://0.0.0.0:3978/",
    ];

    private static IEnumerable<string> ForeignCallers() =>
        ["203.0.113.7", "10.1.2.3", "172.16.5.4", "192.168.0.10", "100.64.0.1", "2001:db8::1", "fe80::1", "::ffff:198.51.100.2", "8.8.8.8", "169.254.1.1"];

    private static HttpRequestMessage Post(byte[] body, string? authorization)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        return request;
    }

    private static HttpRequestMessage From(string address, HttpRequestMessage request)
    {
        request.Headers.Add(ClientAddress.Header, address);
        return request;
    }

    private static byte[] Valid(string serviceUrl) => Encoding.UTF8.GetBytes(BotFrameworkTokenTests.Message("菜单", serviceUrl).ToString());

    private static string? ServiceUrlOf(byte[] body)
    {
        try
        {
            return JObject.Parse(Encoding.UTF8.GetString(body))["serviceUrl"] is JValue { Type: JTokenType.String } v ? (string?)v : null;
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return null;
        }
    }

    private static string B64(string text) => Base64UrlEncoder.Encode(text);

    private string Unsigned(string url)
    {
        var payload = new JsonWebTokenHandler().ReadJsonWebToken(_issuer.Token(url)).EncodedPayload;
        return B64("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." + payload + ".";
    }

    private static string Flip(string token) => token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];

    /// <summary>A body whose length is not known in advance, so it goes out chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    public Task DisposeAsync() => _issuer.DisposeAsync().AsTask();

    public void Dispose()
    {
        _onDb.Dispose();
        _offDb.Dispose();
    }
}
