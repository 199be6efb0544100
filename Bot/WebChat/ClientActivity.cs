using System.Text.RegularExpressions;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.WebChat;

internal enum ClientActivityProblem { None, Malformed, TooLong, Attachments }

/// <summary>
/// Turns what a browser posted into the activity the bot sees. Only the fields a public visitor may set are copied
/// (text, card submit value, event name, Web Chat's client id); identity, channel, conversation and serviceUrl always
/// come from the server, so no claimed id or channel can lift the visitor out of the public role (docs/contract.md, Roles).
/// </summary>
internal static partial class ClientActivity
{
    private const int MaxShortField = 100;

    public static ClientActivityProblem TryRead(string json, int maxTextLength, Activity target)
    {
        JObject body;
        try
        {
            body = JsonConvert.DeserializeObject<JObject>(json, new JsonSerializerSettings { MaxDepth = 32 })
                ?? throw new JsonException("empty");
        }
        catch (JsonException)
        {
            return ClientActivityProblem.Malformed;
        }

        // Value<string> would throw on an object or array ("type": {}), so only a string is read.
        var type = body["type"] is JValue { Type: JTokenType.String } typeValue ? (string?)typeValue : null;
        if (type is not (ActivityTypes.Message or ActivityTypes.Event))
        {
            return ClientActivityProblem.Malformed;
        }

        if (body["attachments"] is JArray { Count: > 0 })
        {
            return ClientActivityProblem.Attachments;
        }

        target.Type = type;
        if (!TryShortString(body, "text", maxTextLength, out var text))
        {
            return body["text"]?.Type == JTokenType.String ? ClientActivityProblem.TooLong : ClientActivityProblem.Malformed;
        }

        target.Text = text;
        target.Value = body["value"] is { Type: not JTokenType.Null } value ? value : null;
        if (type == ActivityTypes.Message && string.IsNullOrWhiteSpace(text) && target.Value is null)
        {
            return ClientActivityProblem.Malformed;
        }

        if (!TryShortString(body, "name", MaxShortField, out var name)
            || !TryShortString(body, "textFormat", MaxShortField, out var textFormat)
            || !TryShortString(body, "locale", MaxShortField, out var locale)
            || !TryShortString(body["channelData"] as JObject, "clientActivityID", MaxShortField, out var clientActivityId)
            || !TryShortString(body["channelData"] as JObject, "clientTimestamp", MaxShortField, out var clientTimestamp))
        {
            return ClientActivityProblem.Malformed;
        }

        target.Name = type == ActivityTypes.Event ? name : null;
        target.TextFormat = textFormat is TextFormatTypes.Plain or TextFormatTypes.Markdown ? textFormat : null;
        if (locale is not null && Locale().IsMatch(locale))
        {
            target.Locale = locale;
        }

        // Web Chat matches the echo of a sent message by this id; nothing else from the client's channelData is kept.
        if (clientActivityId is not null)
        {
            target.ChannelData = new JObject { ["clientActivityID"] = clientActivityId, ["clientTimestamp"] = clientTimestamp };
        }

        return ClientActivityProblem.None;
    }

    private static bool TryShortString(JObject? body, string field, int max, out string? value)
    {
        value = null;
        var token = body?[field];
        if (token is null || token.Type == JTokenType.Null)
        {
            return true;
        }

        if (token.Type != JTokenType.String)
        {
            return false;
        }

        value = token.Value<string>();
        return value!.Length <= max;
    }

    [GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$")]
    private static partial Regex Locale();
}
