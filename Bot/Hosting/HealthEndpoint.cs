using Cppcc.Bot.Storage;
using LiteDB;

namespace Cppcc.Bot.Hosting;

/// <summary>
/// <c>GET /healthz</c>: 200 when every collection can be read, 503 with a short reason otherwise. Reading the file
/// header alone (kept in memory by LiteDB) says 200 while every list fails.
/// </summary>
public static class HealthEndpoint
{
    /// <summary>Reads real pages of each collection.</summary>
    public static IResult Handle(ILiteDatabase database, ILoggerFactory loggers)
    {
        try
        {
            DatabaseReadCheck.ReadSample(database);
            return Results.Ok(new { status = "ok" });
        }
        catch (Exception e) when (e is LiteException or IOException or UnauthorizedAccessException or ObjectDisposedException or InvalidOperationException)
        {
            loggers.CreateLogger(typeof(HealthEndpoint).FullName!).LogError("Health check: storage cannot be read ({ErrorType}: {Error})", e.GetType().Name, e.Message);
            return Results.Json(new { status = "storage-error", reason = "存储无法读取 / storage cannot be read" },
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
    }
}
