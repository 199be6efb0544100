using Cppcc.Dialogs.Framework;

namespace Cppcc.Dialogs.Root;

/// <summary>Finds the text command a message invokes: exact word, or word followed by arguments.</summary>
public sealed class CommandTable
{
    private readonly List<(string Word, ITextCommand Command)> _byLongestWord;

    /// <summary>Indexes the registered commands.</summary>
    public CommandTable(IEnumerable<ITextCommand> commands)
    {
        Commands = commands.ToList();
        _byLongestWord = Commands
            .SelectMany(c => c.Words.Select(w => (Word: InputText.Normalize(w), Command: c)))
            .OrderByDescending(p => p.Word.Length)
            .ToList();
    }

    /// <summary>All registered commands (for the menu).</summary>
    public IReadOnlyList<ITextCommand> Commands { get; }

    /// <summary>
    /// The command <paramref name="text"/> invokes, its arguments (as typed), and whether they ran on straight after
    /// the command word with no space ("改期怎么办" rather than "改期 HD-2026-0001"); null when no command matches.
    /// </summary>
    public (ITextCommand Command, string Arguments, bool RunOn)? Match(string text)
    {
        var trimmed = text.Trim();
        var normalized = InputText.Normalize(trimmed);
        foreach (var (word, command) in _byLongestWord)
        {
            if (normalized == word)
            {
                return (command, "", false);
            }

            if (command.TakesArguments && normalized.StartsWith(word, StringComparison.Ordinal)
                && normalized.Length > word.Length && (normalized[word.Length] == ' ' || !char.IsAsciiLetter(word[^1])))
            {
                // Arguments keep the user's case (Fold and Normalize differ only in case, so lengths agree).
                return (command, InputText.Fold(trimmed)[word.Length..].Trim(), normalized[word.Length] != ' ');
            }
        }

        return null;
    }
}
