using Cppcc.Bot.Attachments;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.WebChat;

/// <summary>
/// <c>POST /v3/directline/conversations/{id}/upload</c>: the page's upload button, as directlinejs sends it
/// (multipart: an optional <c>activity</c> part with the text, then the files). The files are held for the turn the
/// upload becomes (see <see cref="UploadedFiles"/>); what they are and whether they are kept is the bot's decision.
/// </summary>
internal static class DirectLineUpload
{
    /// <summary>Files read from one request; the bot keeps at most five per suggestion anyway.</summary>
    private const int MaxFiles = 5;

    /// <summary>Five files of the largest size kept, and room for the form around them.</summary>
    private const long MaxBody = MaxFiles * (long)ActivityFiles.MaxBytes + 1024 * 1024;

    /// <summary>What a file over the limit is held as: one shared array one byte too long, never the upload itself.</summary>
    private static readonly Lazy<byte[]> TooLarge = new(() => new byte[ActivityFiles.MaxBytes + 1]);

    public static async Task<IResult> PostAsync(
        HttpContext http, string conversationId, DirectLineTokens tokens, WebChatConversations conversations, WebChatRateLimits limits,
        WebChatTranscript transcript, WebChatTurns turns, UploadedFiles uploads, IOptions<WebChatOptions> options, TimeProvider time)
    {
        var (_, failure) = await DirectLineHttp.AuthorizeAsync(http, tokens, conversationId);
        if (failure is not null)
        {
            return failure;
        }

        if (await conversations.FindAsync(conversationId, http.RequestAborted) is not { } conversation)
        {
            return DirectLineHttp.Error(StatusCodes.Status404NotFound, "ConversationNotFound", WebChatTexts.ConversationEnded);
        }

        conversation.Touch(time.GetUtcNow());
        if (!limits.ConversationMessages.TryTake(conversation.Id))
        {
            return DirectLineHttp.TooManyRequests(http);
        }

        if (!http.Request.HasFormContentType)
        {
            return DirectLineHttp.Error(StatusCodes.Status400BadRequest, "BadArgument", WebChatTexts.BadRequest);
        }

        if (http.Request.ContentLength > MaxBody)
        {
            return DirectLineHttp.Error(StatusCodes.Status413PayloadTooLarge, "RequestTooLarge", WebChatTexts.TooLarge);
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = MaxBody;
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = MaxBody, ValueCountLimit = 20 }, http.RequestAborted);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return DirectLineHttp.Error(StatusCodes.Status400BadRequest, "BadArgument", WebChatTexts.BadRequest);
        }

        var files = form.Files.Where(f => f.Name != "activity").ToList();
        if (files.Count is 0 or > MaxFiles)
        {
            return DirectLineHttp.Error(StatusCodes.Status400BadRequest, "BadArgument", WebChatTexts.BadRequest);
        }

        var activity = turns.NewActivity(conversation, ActivityTypes.Message);
        var (text, clientActivityId) = await ReadActivityPartAsync(form, options.Value.MaxTextLength, http.RequestAborted);
        activity.Text = text;
        if (clientActivityId is not null)
        {
            // The page shows its own copy as "sending" until the echo carries the same id back.
            activity.ChannelData = new JObject { ["clientActivityID"] = clientActivityId };
        }

        activity.Attachments = [];
        foreach (var file in files)
        {
            byte[] bytes;
            if (file.Length > ActivityFiles.MaxBytes)
            {
                bytes = TooLarge.Value;
            }
            else
            {
                using var buffer = new MemoryStream();
                await file.CopyToAsync(buffer, http.RequestAborted);
                bytes = buffer.ToArray();
            }

            activity.Attachments.Add(new Attachment
            {
                ContentType = string.IsNullOrEmpty(file.ContentType) ? "application/octet-stream" : file.ContentType,
                Name = Path.GetFileName(file.FileName),
                ContentUrl = uploads.Hold(conversation.Id, bytes),
            });
        }

        string id;
        try
        {
            id = await transcript.AppendFromUserAsync(conversation, activity, http.RequestAborted);
        }
        catch (Postgres.WebChatConversationEndedException)
        {
            return DirectLineHttp.Error(StatusCodes.Status404NotFound, "ConversationNotFound", WebChatTexts.ConversationEnded);
        }

        await turns.RunAsync(conversation, activity, http.RequestAborted);
        return TypedResults.Ok(new { id });
    }

    /// <summary>The text (cut to the longest message allowed) and client id of the optional <c>activity</c> part (JSON).</summary>
    private static async Task<(string Text, string? ClientActivityId)> ReadActivityPartAsync(IFormCollection form, int maxLength,
        CancellationToken cancellationToken)
    {
        var part = form.Files.GetFile("activity");
        string? json = part is not null && part.Length <= 32 * 1024
            ? await new StreamReader(part.OpenReadStream()).ReadToEndAsync(cancellationToken)
            : form["activity"].FirstOrDefault();
        try
        {
            var body = json is null ? new JObject() : JObject.Parse(json);
            var text = body["text"]?.Type == JTokenType.String ? (string)body["text"]! : "";
            var id = (body["channelData"] as JObject)?["clientActivityID"] is JValue { Type: JTokenType.String } v && ((string)v!).Length <= 100 ? (string?)v : null;
            return (text.Length > maxLength ? text[..maxLength] : text, id);
        }
        catch (Exception e) when (e is Newtonsoft.Json.JsonException or InvalidCastException)
        {
            return ("", null);
        }
    }
}
