using System.Text;
using System.Text.Json;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace Cppcc.Bot.Hosting;

/// <summary>
/// Checks a posted body before the SDK sees it: an activity the bot can answer has a type, a channel, a
/// <c>serviceUrl</c>, a conversation and a sender, and every field of the types the Bot Framework schema gives them.
/// The SDK itself would turn a missing <c>serviceUrl</c> into an exception deep inside the turn (a 500), and quietly
/// read <c>{"type":123}</c> as the text "123".
/// </summary>
public static class ActivityShape
{
    /// <summary>
    /// Longest id or other text of the channel, conversation, sender and recipient. Teams ids stay well below it; ids
    /// become storage keys, which LiteDB limits to 1,023 bytes.
    /// </summary>
    public const int MaxIdLength = 512;

    private const int MaxServiceUrlLength = 2048;

    // Activity fields the schema types as strings (the rest are objects, arrays or free-form values).
    private static readonly string[] StringFields =
    [
        "type", "id", "timestamp", "localTimestamp", "localTimezone", "callerId", "serviceUrl", "channelId", "locale",
        "text", "textFormat", "speak", "inputHint", "summary", "attachmentLayout", "replyToId", "deliveryMode",
        "name", "importance", "expiration", "action", "topicName", "label", "valueType",
    ];

    private static readonly string[] AccountStringFields = ["id", "name", "aadObjectId", "role"];

    private static readonly string[] ConversationStringFields = ["id", "name", "conversationType", "tenantId", "aadObjectId", "role"];

    /// <summary>Reads <paramref name="body"/> as an activity, or says in a few words what is wrong with it.</summary>
    public static (Activity? Activity, string? Problem) Read(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(WithoutByteOrderMark(body));
            var problem = Problem(document.RootElement);
            return problem is null ? (Deserialize(body), null) : (null, problem);
        }
        catch (System.Text.Json.JsonException)
        {
            return (null, "the body is not JSON (or nests deeper than 64 levels)");
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses to turn escaped lone surrogates ("\ud800") into a string.
            return (null, "a text field is not valid Unicode");
        }
        catch (Newtonsoft.Json.JsonException)
        {
            return (null, "a field of the activity has the wrong type or format");
        }
    }

    private static string? Problem(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return "the body must be one JSON object (an activity)";
        }

        foreach (var field in StringFields)
        {
            if (root.TryGetProperty(field, out var value) && value.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                return $"'{field}' must be a string";
            }
        }

        return RequiredString(root, "type")
            ?? RequiredString(root, "channelId", MaxIdLength)
            ?? ServiceUrlProblem(root)
            ?? ObjectProblem(root, "conversation", ConversationStringFields, required: true)
            ?? ObjectProblem(root, "from", AccountStringFields, required: true)
            ?? ObjectProblem(root, "recipient", AccountStringFields, required: false)
            ?? ArrayProblem(root, "membersAdded", AccountStringFields)
            ?? ArrayProblem(root, "membersRemoved", AccountStringFields)
            ?? ArrayProblem(root, "attachments", ["contentType", "contentUrl", "name", "thumbnailUrl"])
            ?? ArrayProblem(root, "entities", ["type"]);
    }

    private static ReadOnlyMemory<byte> WithoutByteOrderMark(byte[] body)
        => body.AsSpan().StartsWith("\uFEFF"u8) ? body.AsMemory(3) : body;

    private static string? RequiredString(JsonElement parent, string field, int maxLength = int.MaxValue)
    {
        if (!parent.TryGetProperty(field, out var value) || value.ValueKind != JsonValueKind.String || value.GetString()!.Length == 0)
        {
            return $"'{field}' is missing";
        }

        return value.GetString()!.Length > maxLength ? $"'{field}' is longer than {maxLength} characters" : null;
    }

    private static string? ServiceUrlProblem(JsonElement root)
    {
        if (RequiredString(root, "serviceUrl", MaxServiceUrlLength) is { } problem)
        {
            return problem;
        }

        return Uri.TryCreate(root.GetProperty("serviceUrl").GetString(), UriKind.Absolute, out var url)
               && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp)
            ? null
            : "'serviceUrl' must be an absolute http(s) address";
    }

    private static string? ObjectProblem(JsonElement root, string field, string[] stringFields, bool required)
    {
        if (!root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return required ? $"'{field}' is missing" : null;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return $"'{field}' must be an object";
        }

        foreach (var name in stringFields)
        {
            if (value.TryGetProperty(name, out var inner) && inner.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                return $"'{field}.{name}' must be a string";
            }

            if (inner.ValueKind == JsonValueKind.String && inner.GetString()!.Length > MaxIdLength)
            {
                return $"'{field}.{name}' is longer than {MaxIdLength} characters";
            }
        }

        return RequiredString(value, "id", MaxIdLength) is { } idProblem ? $"'{field}.id' {IdProblemTail(idProblem)}" : null;
    }

    private static string IdProblemTail(string problem) => problem[(problem.IndexOf(' ') + 1)..];

    private static string? ArrayProblem(JsonElement root, string field, string[] itemStringFields)
    {
        if (!root.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return $"'{field}' must be an array";
        }

        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                return $"'{field}' must hold objects";
            }

            foreach (var name in itemStringFields)
            {
                if (item.TryGetProperty(name, out var inner) && inner.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
                {
                    return $"'{field}[].{name}' must be a string";
                }
            }
        }

        return null;
    }

    // The SDK's own serializer, so what passes here is exactly what the adapter will read.
    private static Activity Deserialize(byte[] body)
    {
        using var reader = new JsonTextReader(new StreamReader(new MemoryStream(body), Encoding.UTF8));
        return HttpHelper.BotMessageSerializer.Deserialize<Activity>(reader)
            ?? throw new JsonSerializationException("empty activity");
    }
}
