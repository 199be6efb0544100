namespace Cppcc.Dialogs.Framework;

/// <summary>
/// A stateless dialog definition (safe as a singleton). Everything that belongs to one conversation lives in the
/// <see cref="DialogInstance"/> the <see cref="DialogContext"/> hands to it.
/// </summary>
public abstract class Dialog
{
    /// <summary>Creates a dialog with a unique id.</summary>
    protected Dialog(string id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
    }

    /// <summary>Unique id, stored in the dialog stack: renaming it resets conversations that were inside it.</summary>
    public string Id { get; }

    /// <summary>Starts the dialog; it is already on the stack with an empty state.</summary>
    public abstract Task<DialogTurnResult> BeginAsync(DialogContext dc, object? options, CancellationToken cancellationToken);

    /// <summary>Called with the user's next activity while this dialog is active.</summary>
    public virtual Task<DialogTurnResult> ContinueAsync(DialogContext dc, CancellationToken cancellationToken)
        => dc.EndDialogAsync(null, cancellationToken);

    /// <summary>Called when a child dialog started by this one ended with <paramref name="result"/>.</summary>
    public virtual Task<DialogTurnResult> ResumeAsync(DialogContext dc, object? result, CancellationToken cancellationToken)
        => dc.EndDialogAsync(result, cancellationToken);

    /// <summary>Asks the user again for what the dialog waits on (after help, for instance).</summary>
    public virtual Task RepromptAsync(DialogContext dc, CancellationToken cancellationToken) => Task.CompletedTask;
}
