namespace Cppcc.Dialogs.Framework;

/// <summary>What a dialog operation left behind at the end of a turn.</summary>
public enum DialogTurnStatus
{
    /// <summary>No dialog was active.</summary>
    Empty,
    /// <summary>A dialog is waiting for the user's next message.</summary>
    Waiting,
    /// <summary>The bottom dialog finished; <see cref="DialogTurnResult.Result"/> holds its result.</summary>
    Complete,
    /// <summary>All dialogs were cancelled.</summary>
    Cancelled,
}

/// <summary>Status and optional result of a dialog operation.</summary>
/// <param name="Status">The status.</param>
/// <param name="Result">The result of a completed dialog, if any.</param>
public sealed record DialogTurnResult(DialogTurnStatus Status, object? Result = null)
{
    /// <summary>A dialog waits for input.</summary>
    public static readonly DialogTurnResult Waiting = new(DialogTurnStatus.Waiting);

    /// <summary>Nothing was active.</summary>
    public static readonly DialogTurnResult Empty = new(DialogTurnStatus.Empty);

    /// <summary>Everything was cancelled.</summary>
    public static readonly DialogTurnResult Cancelled = new(DialogTurnStatus.Cancelled);
}
