using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Support;

/// <summary>Teams-shaped traffic for a running bot whose members' serviceUrl is a loopback Connector stub.</summary>
public sealed class TeamsScenario(HttpClient client, ConnectorStub stub)
{
    public const string StaffAad = "aad-staff-1";

    /// <summary>Settings that make <see cref="StaffAad"/> staff and refresh progress quickly.</summary>
    public static Dictionary<string, string?> Settings(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Staff:UserIds:0"] = StaffAad,
            ["Broadcasts:ProgressInterval"] = "00:00:00.200",
        };
        foreach (var (k, v) in more ?? [])
        {
            settings[k] = v;
        }

        return settings;
    }

    public static string Conversation(string aad) => "a:personal-" + aad;

    public JObject Message(string aad, string text = "", JObject? value = null)
    {
        var activity = BotFactory.TeamsMessage(text, userId: "29:" + aad, aadObjectId: aad, conversationId: Conversation(aad));
        activity["serviceUrl"] = stub.ServiceUrl;
        activity["from"]!["name"] = aad == StaffAad ? "机关干部" : "委员" + aad;
        if (value is not null)
        {
            activity["value"] = value;
        }

        return activity;
    }

    /// <summary>The member writes once, so the bot stores their conversation reference.</summary>
    public Task RegisterAsync(string aad) => BotFactory.SendAsync(client, Message(aad, "你好"));

    public Task<JArray> SayAsync(string aad, string text) => BotFactory.SendAsync(client, Message(aad, text));

    public Task<JArray> SubmitAsync(string aad, JObject value) => BotFactory.SendAsync(client, Message(aad, value: value));

    public static string Text(JArray replies) => string.Join("\n", replies.Select(r => (string?)r["text"] ?? r["attachments"]?.ToString() ?? ""));

    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("condition not met");
            }

            await Task.Delay(50);
        }
    }
}
