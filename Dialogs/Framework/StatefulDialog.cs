using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Framework;

/// <summary>
/// A dialog whose per-conversation state is the typed DTO <typeparamref name="TState"/>, stored as plain JSON in
/// its <see cref="DialogInstance"/>.
/// </summary>
/// <typeparam name="TState">A serializable class with a parameterless constructor.</typeparam>
public abstract class StatefulDialog<TState> : Dialog where TState : class, new()
{
    /// <summary>Creates the dialog.</summary>
    protected StatefulDialog(string id) : base(id)
    {
    }

    /// <summary>Reads the active instance's state (a fresh one if the stored JSON no longer fits).</summary>
    protected static TState LoadState(DialogContext dc)
    {
        var instance = dc.ActiveInstance ?? throw new InvalidOperationException("No active dialog.");
        try
        {
            return instance.State.ToObject<TState>() ?? new TState();
        }
        catch (Exception e) when (e is Newtonsoft.Json.JsonException or ArgumentException or FormatException)
        {
            return new TState();
        }
    }

    /// <summary>Writes the state back into the active instance.</summary>
    protected static void SaveState(DialogContext dc, TState state)
    {
        var instance = dc.ActiveInstance ?? throw new InvalidOperationException("No active dialog.");
        instance.State = JObject.FromObject(state);
    }
}
