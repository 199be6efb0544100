using Cppcc.Dialogs.Framework;
using Microsoft.Bot.Builder;

namespace Cppcc.Dialogs.Root;

/// <summary>
/// Resolves the one language of a turn: the user's own choice (<c>English</c> / <c>中文</c>, kept in user state) or
/// the office's. It is written into the activity's locale once, at the start of the turn, so every text that reads
/// the locale (messages, prompts, cards, stored conversation references for later notices) agrees.
/// </summary>
public sealed class LanguagePreference(UserState userState, OfficeSettings office)
{
    private readonly IStatePropertyAccessor<string?> _chosen = userState.CreateProperty<string?>("language");

    /// <summary>Replaces the client's locale with the user's chosen language or the office's.</summary>
    public async Task ApplyAsync(ITurnContext turn, CancellationToken cancellationToken)
    {
        // User state is keyed by the sender; an activity without one (some conversation updates) gets the office's.
        var chosen = turn.Activity.From?.Id is { Length: > 0 }
            ? await _chosen.GetAsync(turn, () => null, cancellationToken)
            : null;
        turn.Activity.Locale = chosen is not null && OfficeSettings.Languages.Contains(chosen) ? chosen : office.Language;
    }

    /// <summary>Keeps <paramref name="language"/> for this user and uses it from this reply on.</summary>
    public async Task ChooseAsync(ITurnContext turn, string language, CancellationToken cancellationToken)
    {
        await _chosen.SetAsync(turn, language, cancellationToken);
        turn.Activity.Locale = language;
    }
}
