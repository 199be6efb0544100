namespace Cppcc.Dialogs.Framework.Prompts;

/// <summary>What a prompt asks; persisted with the prompt so a restarted bot can ask again.</summary>
public sealed class PromptOptions
{
    /// <summary>The question (Markdown), already in the user's language.</summary>
    public string Prompt { get; set; } = "";

    /// <summary>Said when an answer was not understood; a generic text is used when empty.</summary>
    public string? RetryPrompt { get; set; }

    /// <summary>Choices offered as suggested actions (choice and confirm prompts).</summary>
    public List<string> Choices { get; set; } = new();

    /// <summary>Attempts before the prompt gives up and leaves the dialog (nothing is saved).</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>The Adaptive Card field whose submitted value answers the prompt (default <c>value</c>).</summary>
    public string? CardField { get; set; }
}

/// <summary>The persisted state of a running prompt.</summary>
public sealed class PromptState
{
    /// <summary>What is asked.</summary>
    public PromptOptions Options { get; set; } = new();

    /// <summary>Failed attempts so far.</summary>
    public int Attempts { get; set; }
}
