using Microsoft.Bot.Builder;

namespace Cppcc.Dialogs.Framework;

/// <summary>
/// One turn's view of a conversation's dialog stack: begin, continue, resume (on a child's end), end and cancel.
/// Created by <see cref="DialogRunner"/>; the stack it changes is saved with conversation state at the end of the turn.
/// </summary>
public sealed class DialogContext
{
    private readonly DialogSet _dialogs;

    /// <summary>Creates a context over a loaded stack.</summary>
    public DialogContext(ITurnContext context, DialogSet dialogs, DialogStack stack)
    {
        Context = context;
        _dialogs = dialogs;
        Stack = stack;
    }

    /// <summary>The current turn.</summary>
    public ITurnContext Context { get; }

    /// <summary>The conversation's stack (persisted by the caller).</summary>
    public DialogStack Stack { get; }

    /// <summary>The active (top) entry, or null when no dialog runs.</summary>
    public DialogInstance? ActiveInstance => Stack.Entries.Count == 0 ? null : Stack.Entries[^1];

    /// <summary>True when a stored entry named a dialog that no longer exists and the stack was reset.</summary>
    public bool StackWasReset { get; private set; }

    /// <summary>Pushes the dialog with id <paramref name="dialogId"/> and starts it.</summary>
    public async Task<DialogTurnResult> BeginDialogAsync(string dialogId, object? options, CancellationToken cancellationToken)
    {
        var dialog = _dialogs.Find(dialogId)
            ?? throw new InvalidOperationException($"No dialog with id '{dialogId}' is registered.");
        Stack.Entries.Add(new DialogInstance { DialogId = dialogId });
        return await dialog.BeginAsync(this, options, cancellationToken);
    }

    /// <summary>Hands the current activity to the active dialog.</summary>
    public async Task<DialogTurnResult> ContinueDialogAsync(CancellationToken cancellationToken)
    {
        var active = ActiveDialogOrReset();
        return active is null
            ? (StackWasReset ? DialogTurnResult.Cancelled : DialogTurnResult.Empty)
            : await active.ContinueAsync(this, cancellationToken);
    }

    /// <summary>Asks the active dialog to repeat its question.</summary>
    public Task RepromptAsync(CancellationToken cancellationToken)
        => ActiveDialogOrReset()?.RepromptAsync(this, cancellationToken) ?? Task.CompletedTask;

    /// <summary>Pops the active dialog and resumes its parent with <paramref name="result"/>.</summary>
    public async Task<DialogTurnResult> EndDialogAsync(object? result, CancellationToken cancellationToken)
    {
        if (Stack.Entries.Count > 0)
        {
            Stack.Entries.RemoveAt(Stack.Entries.Count - 1);
        }

        var parent = ActiveDialogOrReset();
        return parent is null
            ? new DialogTurnResult(DialogTurnStatus.Complete, result)
            : await parent.ResumeAsync(this, result, cancellationToken);
    }

    /// <summary>Drops every dialog. Dialogs store their work only when they complete, so nothing is half-saved.</summary>
    public DialogTurnResult CancelAllDialogs()
    {
        Stack.Entries.Clear();
        return DialogTurnResult.Cancelled;
    }

    private Dialog? ActiveDialogOrReset()
    {
        var active = ActiveInstance;
        if (active is null)
        {
            return null;
        }

        var dialog = _dialogs.Find(active.DialogId);
        if (dialog is null)
        {
            // A stack written by another version names a dialog we no longer have: start over rather than crash.
            Stack.Entries.Clear();
            StackWasReset = true;
        }

        return dialog;
    }
}
