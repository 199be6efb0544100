namespace Cppcc.Dialogs.Framework.Prompts;

/// <summary>The framework's own prompt texts.</summary>
internal static class PromptTexts
{
    public static readonly Localized NotUnderstood = new("没有看懂这个回答，请再试一次。", "Sorry, I didn't get that. Please try again.");
    public static readonly Localized EmptyText = new("内容不能为空，请输入。", "This can't be empty. Please type an answer.");
    public static readonly Localized PickAChoice = new("请点击下面的选项之一，或输入选项的编号。", "Please pick one of the options below, or type its number.");
    public static readonly Localized YesOrNo = new("请回答“是”或“否”。", "Please answer yes or no.");
    public static readonly Localized NotADate = new("没有识别出时间，请按“2026-12-01 14:30”的格式输入。", "I couldn't read that time. Please use the form 2026-12-01 14:30.");
    public static readonly Localized TooManyAttempts = new("尝试次数过多，已退出当前流程，没有保存任何内容。输入“菜单”重新开始。",
        "Too many attempts: I left this step and saved nothing. Type \"menu\" to start again.");
    public static readonly Localized Yes = new("是", "Yes");
    public static readonly Localized No = new("否", "No");
}
