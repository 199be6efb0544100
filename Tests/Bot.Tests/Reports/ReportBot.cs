using Cppcc.Bot.Reports;
using Cppcc.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Reports;

/// <summary>
/// The real bot on a temp LiteDB file with one staff user (aad-staff), talked to through /api/messages with
/// expectReplies as Teams members, staff, or web chat visitors would.
/// </summary>
public sealed class ReportBot : IDisposable
{
    public const string StaffAad = "aad-staff";

    private readonly string _serviceUrl;

    public ReportBot(TempDatabase database, string? serviceUrl = null, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        _serviceUrl = serviceUrl ?? "http://127.0.0.1:9/";
        var all = new Dictionary<string, string?> { ["Staff:UserIds:0"] = StaffAad };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        Factory = new BotFactory(database, all, services);
        Client = Factory.CreateClient();
    }

    public BotFactory Factory { get; }

    public HttpClient Client { get; }

    public IReportStore Store => Factory.Services.GetRequiredService<IReportStore>();

    public static int Year => TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, Cppcc.Dialogs.Framework.Prompts.DateTimeText.ChinaStandardTime).Year;

    /// <summary>A Teams member (personal chat a:{user}); <paramref name="user"/> also names their aadObjectId aad-{user}.</summary>
    public Task<JArray> Member(string text, JObject? value = null, string user = "m1", string name = "张委员")
        => BotFactory.SendAsync(Client, Teams(text, value, "29:" + user, "aad-" + user, name, "a:" + user));

    public Task<JArray> Staff(string text, JObject? value = null)
        => BotFactory.SendAsync(Client, Teams(text, value, "29:staff", StaffAad, "王干部", "a:staff"));

    private JObject Teams(string text, JObject? value, string id, string aad, string name, string conversation)
    {
        var activity = BotFactory.TeamsMessage(text, id, aad, conversation);
        activity["serviceUrl"] = _serviceUrl;
        activity["from"]!["name"] = name;
        if (value is not null)
        {
            activity["value"] = value;
        }

        return activity;
    }

    /// <summary>A web chat visitor: whatever ids the browser claims, the channel is public.</summary>
    public Task<JArray> Public(string text, JObject? value = null, string user = "web-1", string conversation = "dl-1", string? aadObjectId = null)
    {
        var activity = new JObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = "webchat",
            ["serviceUrl"] = _serviceUrl,
            ["locale"] = "zh-CN",
            ["from"] = new JObject { ["id"] = user, ["name"] = "访客" },
            ["recipient"] = new JObject { ["id"] = "bot" },
            ["conversation"] = new JObject { ["id"] = conversation },
            ["text"] = text,
        };
        if (aadObjectId is not null)
        {
            activity["from"]!["aadObjectId"] = aadObjectId;
        }

        if (value is not null)
        {
            activity["value"] = value;
        }

        return BotFactory.SendAsync(Client, activity);
    }

    /// <summary>A <c>report.submit</c> value.</summary>
    public static JObject Submit(string kind, string title, string content, string category = "教育", string? suggestion = "建议加强管理。",
        string? contactName = null, string? contactPhone = null, bool anonymous = false)
    {
        var value = new JObject
        {
            ["action"] = "report.submit",
            ["kind"] = kind,
            ["title"] = title,
            ["category"] = category,
            ["content"] = content,
            ["anonymous"] = anonymous ? "true" : "false",
        };
        if (suggestion is not null)
        {
            value["suggestion"] = suggestion;
        }

        if (contactName is not null)
        {
            value["contactName"] = contactName;
        }

        if (contactPhone is not null)
        {
            value["contactPhone"] = contactPhone;
        }

        return value;
    }

    public static JObject Transition(string reference, string to, string? note = null, string? department = null, string? level = null)
    {
        var value = new JObject { ["action"] = "report.transition", ["ref"] = reference, ["to"] = to };
        if (note is not null)
        {
            value["note"] = note;
        }

        if (department is not null)
        {
            value["department"] = department;
        }

        if (level is not null)
        {
            value["level"] = level;
        }

        return value;
    }

    /// <summary>What a user reads: reply texts and card lines (a RichTextBlock's runs joined).</summary>
    public static string Read(JArray replies)
    {
        var lines = new List<string>();
        foreach (var reply in replies)
        {
            lines.Add((string?)reply["text"] ?? "");
            foreach (var attachment in reply["attachments"] ?? new JArray())
            {
                Collect(attachment["content"]!, lines);
            }
        }

        return string.Join("\n", lines);
    }

    /// <summary>The first SQ-/JY- reference in the replies.</summary>
    public static string Reference(JArray replies)
        => System.Text.RegularExpressions.Regex.Match(Read(replies), @"(SQ|JY)-\d{4}-\d{6}").Value;

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
    }

    private static void Collect(JToken token, List<string> lines)
    {
        if (token is JObject obj)
        {
            if ((string?)obj["type"] == "TextBlock")
            {
                lines.Add((string?)obj["text"] ?? "");
            }
            else if ((string?)obj["type"] == "RichTextBlock")
            {
                lines.Add(string.Concat(obj["inlines"]!.Select(i => (string?)i["text"])));
            }
            else if (((string?)obj["type"])?.StartsWith("Action.", StringComparison.Ordinal) == true)
            {
                lines.Add("[" + (string?)obj["title"] + "]");
            }

            foreach (var property in obj.Properties())
            {
                Collect(property.Value, lines);
            }
        }
        else if (token is JArray array)
        {
            foreach (var item in array)
            {
                Collect(item, lines);
            }
        }
    }
}
