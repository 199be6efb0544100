using System.Globalization;
using Microsoft.Bot.Builder;

namespace Cppcc.Dialogs.Framework.Prompts;

/// <summary>Asks for a number (full-width digits accepted).</summary>
public sealed class NumberPrompt : Prompt<decimal>
{
    /// <summary>Creates the prompt.</summary>
    public NumberPrompt(string id, PromptValidator<decimal>? validator = null) : base(id, validator)
    {
    }

    /// <inheritdoc />
    protected override Localized NotRecognized => PromptTexts.NotANumber;

    /// <inheritdoc />
    protected override bool TryRecognize(ITurnContext turn, PromptOptions options, out decimal value)
        => decimal.TryParse(InputText.Normalize(InputText.Answer(turn, options.CardField)),
            NumberStyles.Number, CultureInfo.InvariantCulture, out value);
}
