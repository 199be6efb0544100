using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;

namespace Cppcc.Bot.Tests.WeChat;

/// <summary>
/// Builds callbacks as WeChat's servers do, written here from the published algorithm (not with the bot's code):
/// signature = SHA-1 hex of token, timestamp and nonce sorted and joined; in safe mode the XML is AES-256-CBC
/// encrypted (key = Base64(EncodingAESKey + "="), IV = key[0..16], 16 random bytes + 4-byte big-endian length + XML +
/// appid, PKCS#7 to 32 bytes) and msg_signature adds the ciphertext to the sorted parts.
/// </summary>
public sealed class WeChatCallbacks(string token, string? encodingAesKey, string appId)
{
    public const string Account = "gh_cppcc0001";
    private long _msgId = 24_000_000_000;
    private int _nonce = 1000;

    public static string Sha1(params string[] parts)
    {
        var sorted = parts.OrderBy(p => p, StringComparer.Ordinal);
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(sorted))));
    }

    public long NextMsgId() => Interlocked.Increment(ref _msgId);

    public string NextNonce() => Interlocked.Increment(ref _nonce).ToString();

    public static string Now() => DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString();

    public static string TextXml(string openId, string content, long msgId) => new XElement("xml",
        new XElement("ToUserName", new XCData(Account)), new XElement("FromUserName", new XCData(openId)),
        new XElement("CreateTime", DateTimeOffset.UtcNow.ToUnixTimeSeconds()), new XElement("MsgType", new XCData("text")),
        new XElement("Content", new XCData(content)), new XElement("MsgId", msgId)).ToString(SaveOptions.DisableFormatting);

    public static string EventXml(string openId, string evt, string? key = null, long? createTime = null) => new XElement("xml",
        new XElement("ToUserName", new XCData(Account)), new XElement("FromUserName", new XCData(openId)),
        new XElement("CreateTime", createTime ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds()), new XElement("MsgType", new XCData("event")),
        new XElement("Event", new XCData(evt)), new XElement("EventKey", new XCData(key ?? ""))).ToString(SaveOptions.DisableFormatting);

    public static string ImageXml(string openId, string mediaId, long msgId) => new XElement("xml",
        new XElement("ToUserName", new XCData(Account)), new XElement("FromUserName", new XCData(openId)),
        new XElement("CreateTime", DateTimeOffset.UtcNow.ToUnixTimeSeconds()), new XElement("MsgType", new XCData("image")),
        new XElement("PicUrl", new XCData("http://mmbiz.qpic.cn/stub.jpg")), new XElement("MediaId", new XCData(mediaId)),
        new XElement("MsgId", msgId)).ToString(SaveOptions.DisableFormatting);

    /// <summary>The request WeChat would send for <paramref name="xml"/> (encrypted in safe mode).</summary>
    public HttpRequestMessage Post(string xml, string openId, string? timestamp = null, string? nonce = null, string? signature = null)
    {
        timestamp ??= Now();
        nonce ??= NextNonce();
        signature ??= Sha1(token, timestamp, nonce);
        var query = $"signature={signature}&timestamp={timestamp}&nonce={nonce}&openid={openId}";
        var body = xml;
        if (encodingAesKey is not null)
        {
            var encrypt = Encrypt(xml);
            query += $"&encrypt_type=aes&msg_signature={Sha1(token, timestamp, nonce, encrypt)}";
            body = new XElement("xml", new XElement("ToUserName", new XCData(Account)), new XElement("Encrypt", new XCData(encrypt)))
                .ToString(SaveOptions.DisableFormatting);
        }

        return new HttpRequestMessage(HttpMethod.Post, "/api/wechat?" + query) { Content = new StringContent(body, Encoding.UTF8, "text/xml") };
    }

    /// <summary>The reply's text content, decrypted and its signature checked in safe mode; null for "success".</summary>
    public async Task<string?> ReplyTextAsync(HttpResponseMessage response)
    {
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"WeChat callback answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        var body = await response.Content.ReadAsStringAsync();
        if (body is "success" or "")
        {
            return null;
        }

        var xml = XElement.Parse(body);
        if (encodingAesKey is not null)
        {
            var encrypt = (string)xml.Element("Encrypt")!;
            var expected = Sha1(token, (string)xml.Element("TimeStamp")!, (string)xml.Element("Nonce")!, encrypt);
            if (expected != (string)xml.Element("MsgSignature")!)
            {
                throw new InvalidOperationException("The encrypted reply's MsgSignature is wrong.");
            }

            xml = XElement.Parse(Decrypt(encrypt));
        }

        if ((string?)xml.Element("MsgType") != "text")
        {
            throw new InvalidOperationException("Not a text reply: " + xml);
        }

        return (string)xml.Element("Content")!;
    }

    public string Encrypt(string xml, string? forAppId = null)
    {
        var key = Key();
        var message = Encoding.UTF8.GetBytes(xml);
        var app = Encoding.UTF8.GetBytes(forAppId ?? appId);
        var length = BitConverter.GetBytes(IPAddress.HostToNetworkOrder(message.Length));
        var plain = RandomNumberGenerator.GetBytes(16).Concat(length).Concat(message).Concat(app).ToList();
        var pad = 32 - (plain.Count % 32);
        plain.AddRange(Enumerable.Repeat((byte)pad, pad));
        using var aes = Aes.Create();
        aes.Key = key;
        return Convert.ToBase64String(aes.EncryptCbc(plain.ToArray(), key[..16], PaddingMode.None));
    }

    public string Decrypt(string encrypt)
    {
        var key = Key();
        using var aes = Aes.Create();
        aes.Key = key;
        var plain = aes.DecryptCbc(Convert.FromBase64String(encrypt), key[..16], PaddingMode.None);
        var content = plain[..^plain[^1]];
        var length = IPAddress.NetworkToHostOrder(BitConverter.ToInt32(content, 16));
        var from = Encoding.UTF8.GetString(content[(20 + length)..]);
        if (from != appId)
        {
            throw new InvalidOperationException("Reply encrypted for another app id: " + from);
        }

        return Encoding.UTF8.GetString(content, 20, length);
    }

    private byte[] Key() => Convert.FromBase64String(encodingAesKey + "=");
}
