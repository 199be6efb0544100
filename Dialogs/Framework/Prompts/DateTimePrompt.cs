using Microsoft.Bot.Builder;

namespace Cppcc.Dialogs.Framework.Prompts;

/// <summary>Asks for a date and time (see <see cref="DateTimeText"/> for what is understood).</summary>
public sealed class DateTimePrompt : Prompt<DateTimeOffset>
{
    private readonly OfficeTime _office;

    /// <summary>Creates the prompt; times without an offset are read in the office's zone.</summary>
    public DateTimePrompt(string id, OfficeTime office, PromptValidator<DateTimeOffset>? validator = null)
        : base(id, validator)
    {
        _office = office;
    }

    /// <inheritdoc />
    protected override Localized NotRecognized => PromptTexts.NotADate;

    /// <inheritdoc />
    protected override bool TryRecognize(ITurnContext turn, PromptOptions options, out DateTimeOffset value)
        => DateTimeText.TryParse(InputText.Answer(turn, options.CardField), _office.UtcNow, _office.Zone, out value);
}
