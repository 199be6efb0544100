using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Tests.Reports;

/// <summary>What a user reads in a reply: its text and its cards' lines (a RichTextBlock's runs joined into one line).</summary>
public static class CardText
{
    public static string Of(IActivity activity)
    {
        var message = activity.AsMessageActivity();
        var lines = new List<string> { message.Text ?? "" };
        foreach (var attachment in message.Attachments ?? new List<Attachment>())
        {
            Collect(JToken.FromObject(attachment.Content), lines);
        }

        return string.Join("\n", lines);
    }

    private static void Collect(JToken token, List<string> lines)
    {
        if (token is JObject obj)
        {
            switch ((string?)obj["type"])
            {
                case "TextBlock":
                    lines.Add((string?)obj["text"] ?? "");
                    break;
                case "RichTextBlock":
                    lines.Add(string.Concat(obj["inlines"]!.Select(i => (string?)i["text"])));
                    break;
                default:
                    if ((string?)obj["title"] is { } title && ((string?)obj["type"])?.StartsWith("Action.", StringComparison.Ordinal) == true)
                    {
                        lines.Add("[" + title + "]");
                    }

                    break;
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
