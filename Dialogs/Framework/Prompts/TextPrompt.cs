using Microsoft.Bot.Builder;

namespace Cppcc.Dialogs.Framework.Prompts;

/// <summary>Asks for free text; the answer is kept as typed (trimmed), never empty.</summary>
public sealed class TextPrompt : Prompt<string>
{
    /// <summary>Creates the prompt.</summary>
    public TextPrompt(string id, PromptValidator<string>? validator = null) : base(id, validator)
    {
    }

    /// <inheritdoc />
    protected override Localized NotRecognized => PromptTexts.EmptyText;

    /// <inheritdoc />
    protected override bool TryRecognize(ITurnContext turn, PromptOptions options, out string value)
    {
        value = InputText.Answer(turn, options.CardField);
        return value.Length > 0;
    }
}
