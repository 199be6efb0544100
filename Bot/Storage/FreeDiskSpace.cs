using Microsoft.Extensions.Options;

namespace Cppcc.Bot.Storage;

/// <summary>
/// Free space on the volume holding the LiteDB file. A full disk shows itself only when a write fails, and LiteDB then
/// throws that first error on every later call (see <see cref="StorageWatchdog"/>); <c>/healthz</c> asks this first, so
/// a load balancer or an operator's monitor hears of the disk while there is still room to act.
/// </summary>
public sealed class FreeDiskSpace(DatabaseLock databaseLock, IOptions<StorageOptions> options)
{
    private const long Megabyte = 1024 * 1024;

    /// <summary>
    /// The free and the required megabytes when less than <see cref="StorageOptions.MinFreeSpaceMB"/> is free; null when
    /// enough is, when the check is off (0), or when the volume cannot be asked (then the read check speaks for it).
    /// </summary>
    public (long FreeMB, long RequiredMB)? Shortfall()
    {
        long required = options.Value.MinFreeSpaceMB;
        if (required == 0)
        {
            return null;
        }

        long free;
        try
        {
            // The folder of the file the lock guards: a symbolic Storage:Path is resolved there, so this is the volume
            // LiteDB writes to. Available, not total: the bot's user cannot use the blocks reserved for root.
            free = new DriveInfo(Path.GetDirectoryName(databaseLock.DatabasePath)!).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }

        return free < required * Megabyte ? (free / Megabyte, required) : null;
    }
}
