namespace Cppcc.Bot.Hosting;

/// <summary>
/// Exit codes of a refused start, from BSD sysexits.h so service managers can tell them apart (a systemd unit can
/// stop restarting on <see cref="Configuration"/> with <c>RestartPreventExitStatus=78</c>).
/// </summary>
public enum StartupExitCode
{
    /// <summary>EX_DATAERR: the database or its journal is damaged; restore the backup.</summary>
    DamagedStorage = 65,

    /// <summary>EX_IOERR: the database cannot be read or created (permissions, missing disk).</summary>
    StorageUnreadable = 74,

    /// <summary>EX_TEMPFAIL: another process holds the database; a later start may succeed.</summary>
    StorageInUse = 75,

    /// <summary>EX_SOFTWARE: a background service (deliveries, reminders) failed and stopped the host; restart it.</summary>
    ServiceFailed = 70,

    /// <summary>EX_CONFIG: a configuration value is invalid, or the address to listen on is taken.</summary>
    Configuration = 78,
}
