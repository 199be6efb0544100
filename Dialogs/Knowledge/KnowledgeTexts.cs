using Cppcc.Dialogs.Framework;

namespace Cppcc.Dialogs.Knowledge;

/// <summary>Texts of the knowledge-base answers (zh-CN first).</summary>
internal static class KnowledgeTexts
{
    public static readonly Localized Source = new("来源：{0}", "Source: {0}");
    public static readonly Localized NoAnswer = new(
        "抱歉，知识库中暂时没有这个问题的可靠答案。您可以换个说法再问，或输入“菜单”查看其他功能。",
        "Sorry, the knowledge base has no reliable answer to this yet. Try rephrasing, or type \"menu\" for other options.");
}
