using Cppcc.Bot.Storage;
using LiteDB;
using Npgsql;

namespace Cppcc.Bot.Hosting;

/// <summary>
/// <c>GET /healthz</c>: 200 when the storage can be read, 503 with a short reason otherwise. On LiteDB it reads real
/// pages of each collection (the file header alone is kept in memory, so reading it says 200 while every list fails)
/// and checks the free space on the file's disk (a full disk reads fine until the first write fails); on PostgreSQL it
/// reads the schema record through a pooled connection (the server's disk is the server's to watch).
/// </summary>
public static class HealthEndpoint
{
    /// <summary>Reads the storage of this process.</summary>
    public static async Task<IResult> Handle(IServiceProvider services, ILoggerFactory loggers, CancellationToken cancellation)
    {
        var logger = loggers.CreateLogger(typeof(HealthEndpoint).FullName!);
        try
        {
            if (StorageSelection.UsesPostgres(services))
            {
                await using var command = services.GetRequiredService<NpgsqlDataSource>().CreateCommand("SELECT count(*) FROM schema_migrations");
                await command.ExecuteScalarAsync(cancellation);
            }
            else
            {
                DatabaseReadCheck.ReadSample(services.GetRequiredService<ILiteDatabase>());
                if (services.GetRequiredService<FreeDiskSpace>().Shortfall() is { } low)
                {
                    logger.LogWarning("Health check: {FreeMB} MB free on the database's disk, below Storage:MinFreeSpaceMB ({RequiredMB} MB)",
                        low.FreeMB, low.RequiredMB);
                    return Results.Json(
                        new { status = "low-disk-space", reason = $"磁盘空间不足：可用空间低于 {low.RequiredMB} MB / low disk space: less than {low.RequiredMB} MB free" },
                        statusCode: StatusCodes.Status503ServiceUnavailable);
                }
            }

            return Results.Ok(new { status = "ok" });
        }
        catch (Exception e)
        {
            // Whatever reading the storage throws means "not healthy": a 503 with the reason, never a 500, also when the
            // request's token was signalled meanwhile (a filter on it let a 500 through in two CI runs of
            // HealthEndpointTests' PostgreSQL test, never reproduced alone); the log names the type.
            logger.LogError("Health check: storage cannot be read ({ErrorType}: {Error})", e.GetType().Name, e.Message);
            return Results.Json(new { status = "storage-error", reason = "存储无法读取 / storage cannot be read" },
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
