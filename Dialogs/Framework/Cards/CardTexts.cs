namespace Cppcc.Dialogs.Framework.Cards;

/// <summary>The framework's own texts for card submits (zh-CN first).</summary>
internal static class CardTexts
{
    public static readonly Localized UnreadableField = new("字段 {0} 的内容无法识别：应为一段文字（例如一个名称），不能是列表或对象。本次提交没有执行，请改正后重试。",
        "The field {0} cannot be read: it must be text (e.g. one name), not a list or an object. Nothing was done; please correct it and try again.");
}
