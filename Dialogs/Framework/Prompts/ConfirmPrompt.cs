using Microsoft.Bot.Builder;

namespace Cppcc.Dialogs.Framework.Prompts;

/// <summary>Asks a yes/no question; understands common Chinese and English answers and the 是/否 buttons.</summary>
public sealed class ConfirmPrompt : Prompt<bool>
{
    private static readonly HashSet<string> YesWords = new(StringComparer.Ordinal)
    {
        "是", "是的", "对", "对的", "好", "好的", "确认", "确定", "提交", "确认提交", "同意", "可以", "y", "yes", "ok", "true", "1",
    };

    private static readonly HashSet<string> NoWords = new(StringComparer.Ordinal)
    {
        "否", "不", "不是", "不要", "不用", "算了", "不对", "修改", "n", "no", "false", "2",
    };

    /// <summary>Creates the prompt.</summary>
    public ConfirmPrompt(string id) : base(id, null)
    {
    }

    /// <inheritdoc />
    protected override Localized NotRecognized => PromptTexts.YesOrNo;

    /// <inheritdoc />
    protected override IReadOnlyList<string> ChoicesFor(ITurnContext turn, PromptOptions options)
        => options.Choices.Count > 0 ? options.Choices : new[] { PromptTexts.Yes.For(turn), PromptTexts.No.For(turn) };

    /// <inheritdoc />
    protected override bool TryRecognize(ITurnContext turn, PromptOptions options, out bool value)
    {
        var answer = InputText.Normalize(InputText.Answer(turn, options.CardField)).TrimEnd('。', '.', '!', '!');
        var choices = ChoicesFor(turn, options);
        value = YesWords.Contains(answer) || (choices.Count > 0 && answer == InputText.Normalize(choices[0]));
        var isNo = NoWords.Contains(answer) || (choices.Count > 1 && answer == InputText.Normalize(choices[1]));
        return value || isNo;
    }
}
