using Microsoft.Bot.Schema;

namespace Cppcc.Dialogs.Root;

/// <summary>Takes the files a user sends (a photo, a document) before the message is routed as text.</summary>
public interface IFileIntake
{
    /// <summary>True when the activity carries files this intake handles.</summary>
    bool Accepts(IActivity activity);

    /// <summary>Stores or refuses the files and tells the user.</summary>
    Task ReceiveAsync(RouteContext context, CancellationToken cancellationToken);
}
