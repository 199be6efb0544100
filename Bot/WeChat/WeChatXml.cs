using System.Security;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace Cppcc.Bot.WeChat;

/// <summary>
/// Reads callback XML without a DTD, entities from outside or more characters than the body limit allows, and writes
/// passive replies. Anything that is not such a document is a <see cref="XmlException"/>.
/// </summary>
public static class WeChatXml
{
    public static XElement Parse(string xml, int maxCharacters)
    {
        var settings = new XmlReaderSettings
        {
            // A DOCTYPE is refused outright: no entity expansion (billion laughs) and no external entities (XXE).
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = maxCharacters,
            MaxCharactersFromEntities = 1024,
            IgnoreProcessingInstructions = true,
            IgnoreComments = true,
        };
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        var root = XElement.Load(reader);
        if (root.Name.LocalName != "xml")
        {
            throw new XmlException("The root element must be <xml>.");
        }

        return root;
    }

    public static string? Field(XElement root, string name) => root.Element(name)?.Value;

    public static WeChatMessage ToMessage(XElement root)
    {
        var from = Field(root, "FromUserName");
        var type = Field(root, "MsgType");
        if (string.IsNullOrWhiteSpace(from) || string.IsNullOrWhiteSpace(type))
        {
            throw new XmlException("FromUserName and MsgType are required.");
        }

        return new WeChatMessage
        {
            ToUserName = Field(root, "ToUserName") ?? "",
            FromUserName = from.Trim(),
            CreateTime = long.TryParse(Field(root, "CreateTime"), out var created) ? created : 0,
            MsgType = type.Trim(),
            Content = Field(root, "Content"),
            MsgId = Field(root, "MsgId")?.Trim(),
            PicUrl = Field(root, "PicUrl"),
            MediaId = Field(root, "MediaId"),
            Event = Field(root, "Event")?.Trim(),
            EventKey = Field(root, "EventKey"),
        };
    }

    /// <summary>A passive text reply (被动回复文本消息): to the user, from the account.</summary>
    public static string TextReply(string toUser, string fromAccount, long createTime, string content) =>
        Document(("ToUserName", toUser, true), ("FromUserName", fromAccount, true), ("CreateTime", createTime.ToString(), false),
            ("MsgType", "text", true), ("Content", content, true));

    /// <summary>The safe-mode envelope of a passive reply.</summary>
    public static string EncryptedReply(string encrypt, string signature, string timestamp, string nonce) =>
        Document(("Encrypt", encrypt, true), ("MsgSignature", signature, true), ("TimeStamp", timestamp, false), ("Nonce", nonce, true));

    private static string Document(params (string Name, string Value, bool CData)[] fields)
    {
        var builder = new StringBuilder("<xml>");
        foreach (var (name, value, cdata) in fields)
        {
            builder.Append('<').Append(name).Append('>');
            // "]]>" cannot appear inside CDATA: split it across two sections.
            builder.Append(cdata ? "<![CDATA[" + value.Replace("]]>", "]]]]><![CDATA[>") + "]]>" : SecurityElement.Escape(value));
            builder.Append("</").Append(name).Append('>');
        }

        return builder.Append("</xml>").ToString();
    }
}
