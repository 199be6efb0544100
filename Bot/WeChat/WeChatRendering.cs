using System.Text;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.WeChat;

/// <summary>A choice the user can pick by its number: the text it sends, or the card data it submits.</summary>
public sealed record WeChatChoice(string Title, string? Text, string? ValueJson);

/// <summary>Bot replies as WeChat text: card text as lines, buttons and suggested actions as numbered choices, links as URLs.</summary>
public sealed class WeChatRendering
{
    private readonly StringBuilder _text = new();

    public List<WeChatChoice> Choices { get; } = new();

    public string Text => _text.ToString().Trim();

    public static WeChatRendering Of(IEnumerable<IActivity> activities)
    {
        var rendering = new WeChatRendering();
        foreach (var activity in activities.OfType<IMessageActivity>())
        {
            rendering.Add(activity);
        }

        return rendering;
    }

    private void Add(IMessageActivity activity)
    {
        var start = _text.Length;
        Line(activity.Text);
        foreach (var attachment in activity.Attachments ?? [])
        {
            AddAttachment(attachment);
        }

        foreach (var action in activity.SuggestedActions?.Actions ?? [])
        {
            AddAction(action.Type, action.Title, action.Value);
        }

        if (_text.Length > start)
        {
            _text.Append('\n');
        }
    }

    private void AddAttachment(Attachment attachment)
    {
        var content = attachment.Content is JToken token ? token : attachment.Content is null ? null : JToken.FromObject(attachment.Content);
        if (attachment.ContentType == "application/vnd.microsoft.card.adaptive" && content is JObject card)
        {
            Elements(card["body"] as JArray);
            Actions(card["actions"] as JArray);
        }
        else if (content is JObject hero && attachment.ContentType.StartsWith("application/vnd.microsoft.card.", StringComparison.Ordinal))
        {
            Line((string?)hero["title"]);
            Line((string?)hero["subtitle"]);
            Line((string?)hero["text"]);
            foreach (var button in hero["buttons"] as JArray ?? [])
            {
                AddAction((string?)button["type"], (string?)button["title"], button["value"]);
            }
        }
        else if (!string.IsNullOrEmpty(attachment.ContentUrl))
        {
            Line((attachment.Name ?? "附件") + "：" + attachment.ContentUrl);
        }
    }

    private void Elements(JArray? elements)
    {
        foreach (var element in elements ?? [])
        {
            switch ((string?)element["type"])
            {
                case "TextBlock":
                    Line((string?)element["text"]);
                    break;
                case "RichTextBlock":
                    Line(string.Concat((element["inlines"] as JArray ?? []).Select(i => i is JValue v ? (string?)v : (string?)i["text"])));
                    break;
                case "FactSet":
                    foreach (var fact in element["facts"] as JArray ?? [])
                    {
                        Line($"{(string?)fact["title"]}：{(string?)fact["value"]}");
                    }

                    break;
                case "Container":
                    Elements(element["items"] as JArray);
                    break;
                case "ColumnSet":
                    foreach (var column in element["columns"] as JArray ?? [])
                    {
                        Elements(column["items"] as JArray);
                    }

                    break;
                case "ActionSet":
                    Actions(element["actions"] as JArray);
                    break;
            }
        }
    }

    private void Actions(JArray? actions)
    {
        foreach (var action in actions ?? [])
        {
            switch ((string?)action["type"])
            {
                case "Action.Submit" or "Action.Execute":
                    var data = action["data"];
                    // Teams' messageBack/imBack wrappers send text; plain data is a card submit.
                    if (data?["msteams"] is JObject teams && (string?)teams["type"] == "imBack")
                    {
                        Choice((string?)action["title"], (string?)teams["value"], null);
                    }
                    else
                    {
                        Choice((string?)action["title"], null, (data ?? new JObject()).ToString(Newtonsoft.Json.Formatting.None));
                    }

                    break;
                case "Action.OpenUrl":
                    Line($"{(string?)action["title"]}：{(string?)action["url"]}");
                    break;
            }
        }
    }

    private void AddAction(string? type, string? title, object? value)
    {
        switch (type)
        {
            case ActionTypes.OpenUrl:
                Line($"{title}：{value}");
                break;
            case ActionTypes.ImBack or ActionTypes.PostBack or ActionTypes.MessageBack:
                if (value is JObject data)
                {
                    Choice(title, null, data.ToString(Newtonsoft.Json.Formatting.None));
                }
                else
                {
                    Choice(title, value?.ToString() ?? title, null);
                }

                break;
        }
    }

    private void Choice(string? title, string? text, string? valueJson)
    {
        var label = string.IsNullOrWhiteSpace(title) ? text ?? "" : title;
        Choices.Add(new WeChatChoice(label, text, valueJson));
        Line($"{Choices.Count}. {label}");
    }

    private void Line(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return;
        }
        _text.Append(WeChatPlainText.Of(text).Trim()).Append('\n');
    }

    /// <summary>
    /// Splits <paramref name="text"/> into messages of at most <paramref name="maxBytes"/> UTF-8 bytes (WeChat counts
    /// bytes, and a Chinese character is three), at line ends where possible, never inside a character.
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int maxBytes = 2048)
    {
        var parts = new List<string>();
        var rest = text.Trim();
        while (Encoding.UTF8.GetByteCount(rest) > maxBytes)
        {
            var cut = 0;
            var bytes = 0;
            var lastBreak = -1;
            while (cut < rest.Length)
            {
                var width = char.IsHighSurrogate(rest[cut]) && cut + 1 < rest.Length ? 2 : 1;
                var size = Encoding.UTF8.GetByteCount(rest.AsSpan(cut, width));
                if (bytes + size > maxBytes)
                {
                    break;
                }

                bytes += size;
                cut += width;
                if (rest[cut - 1] == '\n')
                {
                    lastBreak = cut;
                }
            }

            var at = lastBreak > cut / 2 ? lastBreak : cut;
            parts.Add(rest[..at].TrimEnd());
            rest = rest[at..].TrimStart();
        }

        if (rest.Length > 0)
        {
            parts.Add(rest);
        }

        return parts;
    }
}
