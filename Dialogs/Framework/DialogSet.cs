namespace Cppcc.Dialogs.Framework;

/// <summary>The registry of dialog definitions, looked up by id.</summary>
public sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);

    /// <summary>Creates the registry; ids must be unique.</summary>
    public DialogSet(IEnumerable<Dialog> dialogs)
    {
        foreach (var dialog in dialogs)
        {
            if (!_dialogs.TryAdd(dialog.Id, dialog))
            {
                throw new InvalidOperationException($"Two dialogs share the id '{dialog.Id}'.");
            }
        }
    }

    /// <summary>Finds a dialog, or null when no dialog has that id (e.g. a stack written by an older version).</summary>
    public Dialog? Find(string id) => _dialogs.GetValueOrDefault(id);
}
