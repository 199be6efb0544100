using System.Globalization;
using Microsoft.Bot.Builder;

namespace Cppcc.Dialogs.Framework.Prompts;

/// <summary>
/// Asks the user to pick one of <see cref="PromptOptions.Choices"/> (shown as suggested actions). Accepts the choice
/// text (full-width and case tolerant), its 1-based number, or a card submit; the result is the choice as listed.
/// </summary>
public sealed class ChoicePrompt : Prompt<string>
{
    /// <summary>Creates the prompt.</summary>
    public ChoicePrompt(string id, PromptValidator<string>? validator = null) : base(id, validator)
    {
    }

    /// <inheritdoc />
    protected override Localized NotRecognized => PromptTexts.PickAChoice;

    /// <inheritdoc />
    protected override bool TryRecognize(ITurnContext turn, PromptOptions options, out string value)
    {
        value = "";
        var answer = InputText.Normalize(InputText.Answer(turn, options.CardField));
        if (answer.Length == 0)
        {
            return false;
        }

        var exact = options.Choices.FirstOrDefault(c => InputText.Normalize(c) == answer);
        if (exact is not null)
        {
            value = exact;
            return true;
        }

        if (int.TryParse(answer, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number >= 1 && number <= options.Choices.Count)
        {
            value = options.Choices[number - 1];
            return true;
        }

        return false;
    }
}
