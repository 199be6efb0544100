using Newtonsoft.Json.Linq;

namespace Cppcc.Dialogs.Framework;

/// <summary>
/// The persisted dialog stack of one conversation (kept in <c>ConversationState</c>).
/// Plain, versioned DTO: each entry stores its dialog id, the step it waits on and its own typed state as JSON,
/// so no serializer type metadata is needed to read it back.
/// </summary>
public sealed class DialogStack
{
    /// <summary>Schema version of the stack; a stack of another version is discarded politely.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The version this stack was written with.</summary>
    public int Version { get; set; } = CurrentVersion;

    /// <summary>Entries, bottom first; the last one is the active dialog.</summary>
    public List<DialogInstance> Entries { get; set; } = new();
}

/// <summary>One running dialog on the stack.</summary>
public sealed class DialogInstance
{
    /// <summary>Id of the dialog definition (see <see cref="Dialog.Id"/>).</summary>
    public string DialogId { get; set; } = "";

    /// <summary>Index of the step the dialog waits on (waterfalls) or 0.</summary>
    public int Step { get; set; }

    /// <summary>The dialog's own state, serialized from its typed state class.</summary>
    public JObject State { get; set; } = new();
}
