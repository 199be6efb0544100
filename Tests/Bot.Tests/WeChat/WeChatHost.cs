using Cppcc.Bot.Tests.Reports;
using Cppcc.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Cppcc.Bot.Tests.WeChat;

/// <summary>
/// The real bot with the WeChat channel on, its API pointed at <see cref="WeChatApiStub"/>; callbacks signed (and in
/// safe mode encrypted) by <see cref="WeChatCallbacks"/>. Staff act through Teams (<see cref="ReportBot"/>).
/// </summary>
public sealed class WeChatHost : IAsyncDisposable
{
    public const string Token = "cppccWeChatToken2026";
    public static readonly string AesKey = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)(i * 7)).ToArray()).TrimEnd('=');

    private readonly TempDatabase _database;
    private readonly bool _ownsDatabase;
    private bool _ownsApi;

    private WeChatHost(WeChatApiStub api, TempDatabase database, bool ownsDatabase, bool safeMode, IDictionary<string, string?>? extra,
        Action<IServiceCollection>? services)
    {
        Api = api;
        _database = database;
        _ownsDatabase = ownsDatabase;
        var settings = new Dictionary<string, string?>
        {
            ["WeChat:AppId"] = WeChatApiStub.AppId,
            ["WeChat:AppSecret"] = WeChatApiStub.AppSecret,
            ["WeChat:Token"] = Token,
            ["WeChat:ApiBaseUrl"] = api.Address,
            ["WebChat:Enabled"] = "false",
        };
        if (safeMode)
        {
            settings["WeChat:EncodingAESKey"] = AesKey;
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        Bot = new ReportBot(database, settings: settings, services: services);
        Http = Bot.Factory.CreateClient();
        Callbacks = new WeChatCallbacks(Token, safeMode ? AesKey : null, WeChatApiStub.AppId);
    }

    public WeChatApiStub Api { get; }

    public ReportBot Bot { get; }

    public HttpClient Http { get; }

    public WeChatCallbacks Callbacks { get; }

    public IServiceProvider Services => Bot.Factory.Services;

    public static async Task<WeChatHost> StartAsync(bool safeMode = false, IDictionary<string, string?>? settings = null,
        WeChatApiStub? api = null, TempDatabase? database = null, Action<IServiceCollection>? services = null)
    {
        var host = new WeChatHost(api ?? await WeChatApiStub.StartAsync(), database ?? new TempDatabase(), database is null, safeMode, settings, services);
        host._ownsApi = api is null;
        _ = host.Services; // start the host now, so start-up failures show here
        return host;
    }

    /// <summary>The user types <paramref name="text"/>; returns the passive reply (null for "success").</summary>
    public async Task<string?> SayAsync(string openId, string text)
    {
        using var response = await Http.SendAsync(Callbacks.Post(WeChatCallbacks.TextXml(openId, text, Callbacks.NextMsgId()), openId));
        return await Callbacks.ReplyTextAsync(response);
    }

    public async Task<string?> SendAsync(string xml, string openId)
    {
        using var response = await Http.SendAsync(Callbacks.Post(xml, openId));
        return await Callbacks.ReplyTextAsync(response);
    }

    /// <summary>Waits until the stub has received <paramref name="count"/> customer-service messages (the delivery queue runs in the background).</summary>
    public async Task<IReadOnlyList<(string OpenId, string Content)>> CustomerServiceAsync(int count)
    {
        for (var i = 0; i < 200 && Api.CustomerService.Count < count; i++)
        {
            await Task.Delay(50);
        }

        return Api.CustomerService;
    }

    public async Task<IReadOnlyList<System.Text.Json.Nodes.JsonObject>> SubscriptionsAsync(int count)
    {
        for (var i = 0; i < 200 && Api.Subscriptions.Count < count; i++)
        {
            await Task.Delay(50);
        }

        return Api.Subscriptions;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Bot.Dispose();
        if (_ownsApi)
        {
            await Api.DisposeAsync();
        }

        if (_ownsDatabase)
        {
            _database.Dispose();
        }
    }
}
