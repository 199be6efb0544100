namespace Cppcc.Dialogs.Root;

/// <summary><c>中文</c> / <c>English</c>: the caller's language from now on (remembered per user).</summary>
public sealed class LanguageCommand(LanguagePreference preference, string language, IReadOnlyList<string> words) : ITextCommand
{
    /// <inheritdoc />
    public IReadOnlyList<string> Words => words;

    /// <inheritdoc />
    public bool TakesArguments => false;

    /// <inheritdoc />
    public Role MinimumRole => Role.Public;

    /// <inheritdoc />
    public MenuItem? Menu => null;

    /// <inheritdoc />
    public async Task ExecuteAsync(RouteContext context, string arguments, CancellationToken cancellationToken)
    {
        await preference.ChooseAsync(context.Turn, language, cancellationToken);
        await context.Turn.SendActivityAsync(RootTexts.LanguageChosen.For(context.Turn), cancellationToken: cancellationToken);
    }
}
