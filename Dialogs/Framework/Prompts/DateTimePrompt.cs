using Microsoft.Bot.Builder;

namespace Cppcc.Dialogs.Framework.Prompts;

/// <summary>Asks for a date and time (see <see cref="DateTimeText"/> for what is understood).</summary>
public sealed class DateTimePrompt : Prompt<DateTimeOffset>
{
    private readonly TimeProvider _time;
    private readonly TimeZoneInfo _zone;

    /// <summary>Creates the prompt; times without an offset are read in <paramref name="zone"/> (default China).</summary>
    public DateTimePrompt(string id, TimeProvider time, TimeZoneInfo? zone = null, PromptValidator<DateTimeOffset>? validator = null)
        : base(id, validator)
    {
        _time = time;
        _zone = zone ?? DateTimeText.ChinaStandardTime;
    }

    /// <inheritdoc />
    protected override Localized NotRecognized => PromptTexts.NotADate;

    /// <inheritdoc />
    protected override bool TryRecognize(ITurnContext turn, PromptOptions options, out DateTimeOffset value)
        => DateTimeText.TryParse(InputText.Answer(turn, options.CardField), _time.GetUtcNow(), _zone, out value);
}
