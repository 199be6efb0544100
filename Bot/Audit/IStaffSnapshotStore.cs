namespace Cppcc.Bot.Audit;

/// <summary>
/// The staff ids last seen by the role watcher, so a change made while the bot was stopped is recorded too. Shared by
/// every instance on one database: replacing is compare-and-set, so one change is claimed (and recorded) once.
/// </summary>
public interface IStaffSnapshotStore
{
    /// <summary>The ids last saved (compared ignoring case), or null before the first save.</summary>
    IReadOnlySet<string>? Load();

    /// <summary>
    /// Saves <paramref name="ids"/> if the saved ids are still <paramref name="expected"/> (null: nothing saved yet);
    /// false when another instance replaced them first.
    /// </summary>
    bool TryReplace(IReadOnlySet<string>? expected, IReadOnlySet<string> ids);
}
