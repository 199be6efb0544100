using Cppcc.Dialogs.Root;
using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Framework.Cards;

/// <summary>
/// A card action handled as its typed record: the router finds it by <typeparamref name="TSubmit"/>'s action name and
/// the handler never sees the raw submit.
/// </summary>
/// <typeparam name="TSubmit">What the card sends.</typeparam>
/// <param name="office">The office's clock, whose zone a date in the submit is read in.</param>
public abstract class CardAction<TSubmit>(OfficeTime office) : ICardAction where TSubmit : class, ICardSubmit<TSubmit>
{
    /// <inheritdoc />
    public string Name => TSubmit.ActionName;

    /// <summary>The office's clock and zone, for handlers that read or show a time.</summary>
    protected OfficeTime Office { get; } = office;

    /// <inheritdoc />
    public abstract Role MinimumRole { get; }

    /// <inheritdoc />
    public async Task ExecuteAsync(RouteContext context, JObject value, CancellationToken cancellationToken)
    {
        if (CardSubmit.UnreadableDefaultedField<TSubmit>(value, Office) is { } field)
        {
            await context.Turn.SendActivityAsync(CardTexts.UnreadableField.Format(context.Turn, field), cancellationToken: cancellationToken);
            return;
        }

        await HandleAsync(context, CardSubmit.Read<TSubmit>(value, Office), cancellationToken);
    }

    /// <summary>Handles one submit.</summary>
    protected abstract Task HandleAsync(RouteContext context, TSubmit submit, CancellationToken cancellationToken);
}
