using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.WeChat;

/// <summary>
/// <c>/api/wechat</c>, the official account's server URL. GET answers WeChat's URL check; POST takes a message. Every
/// request is signed with the Token (401 otherwise), recent (401 for a stale timestamp or a reused nonce), small
/// (413) and well-formed XML without a DTD (400); in safe mode the body must be encrypted and msg_signature valid.
/// </summary>
public sealed class WeChatEndpoint(
    WeChatAdapter adapter, WeChatReplayGuard replays, IOptions<WeChatOptions> options, TimeProvider time, ILogger<WeChatEndpoint> logger)
{
    public const string Path = "/api/wechat";
    private const string NoReply = "success";

    public IResult Verify(string? signature, string? timestamp, string? nonce, string? echostr)
    {
        if (!Signed(signature, timestamp, nonce))
        {
            return Results.Unauthorized();
        }

        if (!replays.IsFresh(timestamp))
        {
            return Results.Unauthorized();
        }

        return Results.Text(echostr ?? "", "text/plain");
    }

    public async Task HandleAsync(HttpContext http)
    {
        var o = options.Value;
        var query = http.Request.Query;
        string timestamp = query["timestamp"].ToString(), nonce = query["nonce"].ToString();
        if (!Signed(query["signature"], timestamp, nonce) || !replays.IsFresh(timestamp))
        {
            await RefuseAsync(http, StatusCodes.Status401Unauthorized, "BadSignatureOrStale");
            return;
        }

        if (http.Request.ContentLength > o.MaxBodyBytes)
        {
            await RefuseAsync(http, StatusCodes.Status413PayloadTooLarge, "TooLarge");
            return;
        }

        var body = await ReadUpToAsync(http.Request.Body, o.MaxBodyBytes + 1, http.RequestAborted);
        if (body.Length > o.MaxBodyBytes)
        {
            await RefuseAsync(http, StatusCodes.Status413PayloadTooLarge, "TooLarge");
            return;
        }

        WeChatMessage message;
        try
        {
            var root = WeChatXml.Parse(Encoding.UTF8.GetString(body), o.MaxBodyBytes);
            var encrypted = WeChatXml.Field(root, "Encrypt");
            if (o.SafeMode != (encrypted is not null))
            {
                // Safe mode takes only encrypted bodies (a plain one would be unsigned content); plain mode has no key.
                await RefuseAsync(http, StatusCodes.Status401Unauthorized, o.SafeMode ? "PlainInSafeMode" : "EncryptedWithoutKey");
                return;
            }

            if (encrypted is not null)
            {
                if (!WeChatSignature.Matches(query["msg_signature"], o.Token!, timestamp, nonce, encrypted))
                {
                    await RefuseAsync(http, StatusCodes.Status401Unauthorized, "BadMsgSignature");
                    return;
                }

                root = WeChatXml.Parse(Crypto().Decrypt(encrypted), o.MaxBodyBytes);
            }

            message = WeChatXml.ToMessage(root);
        }
        catch (WeChatCryptoException e)
        {
            await RefuseAsync(http, StatusCodes.Status401Unauthorized, e.Message);
            return;
        }
        catch (XmlException)
        {
            await RefuseAsync(http, StatusCodes.Status400BadRequest, "BadXml");
            return;
        }

        var replayed = false;
        string? reply = null;
        try
        {
            replayed = !replays.TryUse(timestamp, nonce, message.DeduplicationKey);
            if (!replayed)
            {
                reply = await adapter.ProcessAsync(message, http.RequestAborted);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // WeChat shows the user "该公众号暂时无法提供服务" for anything but a 200. Mostly storage not answering (the
            // record of callbacks taken is there too): the user hears the apology, as on the other channels.
            logger.LogError(e, "A WeChat message could not be processed");
            reply = WeChatTexts.ErrorNotReset;
        }

        if (replayed)
        {
            await RefuseAsync(http, StatusCodes.Status401Unauthorized, "NonceReused");
            return;
        }

        await WriteReplyAsync(http, message, reply);
    }

    private async Task WriteReplyAsync(HttpContext http, WeChatMessage message, string? reply)
    {
        if (reply is null)
        {
            await Results.Text(NoReply, "text/plain").ExecuteAsync(http);
            return;
        }

        var now = time.GetUtcNow().ToUnixTimeSeconds();
        var xml = WeChatXml.TextReply(message.FromUserName, message.ToUserName, now, reply);
        if (options.Value.SafeMode)
        {
            var encrypt = Crypto().Encrypt(xml);
            var timestamp = now.ToString();
            var nonce = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue).ToString();
            xml = WeChatXml.EncryptedReply(encrypt, WeChatSignature.Compute(options.Value.Token!, timestamp, nonce, encrypt), timestamp, nonce);
        }

        await Results.Text(xml, "application/xml", Encoding.UTF8).ExecuteAsync(http);
    }

    private bool Signed(string? signature, string? timestamp, string? nonce) =>
        !string.IsNullOrEmpty(timestamp) && !string.IsNullOrEmpty(nonce)
        && WeChatSignature.Matches(signature, options.Value.Token!, timestamp, nonce);

    private WeChatCrypto Crypto() => new(options.Value.EncodingAESKey!, options.Value.AppId!);

    private async Task RefuseAsync(HttpContext http, int status, string reason)
    {
        logger.LogWarning("WeChat callback refused with {Status}: {Reason}", status, reason);
        http.Response.StatusCode = status;
        await http.Response.WriteAsync(reason);
    }

    private static async Task<byte[]> ReadUpToAsync(Stream stream, int max, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8 * 1024];
        int read;
        while (buffer.Length < max && (read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, max - buffer.Length)), cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
