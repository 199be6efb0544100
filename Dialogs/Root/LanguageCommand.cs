using Cppcc.Dialogs.Framework;
using Microsoft.Bot.Builder;

namespace Cppcc.Dialogs.Root;

/// <summary><c>中文</c> / <c>English</c>: the caller's language from now on (remembered per user).</summary>
public sealed class LanguageCommand : ITextCommand
{
    private readonly LanguagePreference _preference;
    private readonly string _language;

    /// <summary>Creates the command that switches to <paramref name="language"/>.</summary>
    public LanguageCommand(LanguagePreference preference, string language, IReadOnlyList<string> words)
    {
        _preference = preference;
        _language = language;
        Words = words;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Words { get; }

    /// <inheritdoc />
    public bool TakesArguments => false;

    /// <inheritdoc />
    public Role MinimumRole => Role.Public;

    /// <inheritdoc />
    public MenuItem? Menu => null;

    /// <inheritdoc />
    public async Task ExecuteAsync(RouteContext context, string arguments, CancellationToken cancellationToken)
    {
        await _preference.ChooseAsync(context.Turn, _language, cancellationToken).ConfigureAwait(false);
        await context.Turn.SendActivityAsync(RootTexts.LanguageChosen.For(context.Turn), cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
