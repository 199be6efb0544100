using System.Text.RegularExpressions;
using Cppcc.Bot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Teams;

/// <summary>Activities shaped like those a Teams client in English sends (locale en-US), and the texts of replies.</summary>
public static partial class TeamsWire
{
    /// <summary>A message from a Teams user whose client is set to English.</summary>
    public static JObject Message(string text, string aad = "aad-member-1", string conversationType = "personal", JObject? value = null,
        string? replyToId = null, string serviceUrl = "http://127.0.0.1:9/")
    {
        var conversation = conversationType == "personal" ? "a:personal-" + aad : $"19:{conversationType}-1@thread.v2";
        var activity = BotFactory.TeamsMessage(text, userId: "29:" + aad, aadObjectId: aad, conversationId: conversation);
        activity["locale"] = "en-US";
        activity["serviceUrl"] = serviceUrl;
        activity["conversation"]!["conversationType"] = conversationType;
        activity["entities"] = new JArray { new JObject { ["type"] = "clientInfo", ["locale"] = "en-US", ["timezone"] = "America/New_York" } };
        if (conversationType != "personal" && value is null)
        {
            activity["text"] = "<at>CPPCC</at> " + text;
            ((JArray)activity["entities"]!).Add(new JObject
            {
                ["type"] = "mention",
                ["text"] = "<at>CPPCC</at>",
                ["mentioned"] = new JObject { ["id"] = "28:bot", ["name"] = "CPPCC" },
            });
        }

        if (value is not null)
        {
            activity["value"] = value;
        }

        if (replyToId is not null)
        {
            activity["replyToId"] = replyToId;
        }

        return activity;
    }

    /// <summary>Every text a user sees in the replies: message text, card text blocks, facts, inputs and button titles.</summary>
    public static IEnumerable<string> Texts(JArray replies)
    {
        foreach (var reply in replies)
        {
            if ((string?)reply["text"] is { Length: > 0 } text)
            {
                yield return text;
            }

            foreach (var property in (reply["attachments"] ?? new JArray()).Concat(reply["suggestedActions"] ?? new JArray())
                         .OfType<JContainer>().SelectMany(a => a.DescendantsAndSelf()).OfType<JProperty>())
            {
                // Submit data ("data", "value" of inputs) is for the bot, not shown; these properties are.
                if (property.Name is "text" or "title" or "placeholder" or "label" or "errorMessage"
                    && property.Value.Type == JTokenType.String && (string?)property.Value is { Length: > 0 } shown)
                {
                    yield return shown;
                }
            }
        }
    }

    /// <summary>
    /// True when a text reads as Chinese: no Latin word left once references, links and product names are taken out
    /// ("Category：教育" is not Chinese, "SQ-2026-000001 已通过" is).
    /// </summary>
    public static bool IsChinese(string text) => !LatinWord().IsMatch(NotWords().Replace(text, " "));

    [GeneratedRegex(@"https?://\S+|\b[A-Z]{2}-\d{4}-\d+\b|\b(Teams|CSV|Excel|AI)\b|“English”")]
    private static partial Regex NotWords();

    [GeneratedRegex(@"[A-Za-z]{3,}")]
    private static partial Regex LatinWord();
}
