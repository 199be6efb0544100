using System.Data.Common;
using LiteDB;

namespace Cppcc.Bot.Hosting;

/// <summary>
/// A request that fails because storage does not answer (PostgreSQL restarting, a LiteDB engine stopped by a full disk)
/// gets 503 with a short Chinese message and the log one line: it is an outage the caller can retry, not a bug (500).
/// Turns never get here (their error handler answers with the apology); services built on first use do, such as the
/// signing keys behind web chat tokens.
/// </summary>
public static class StorageUnavailable
{
    public const string Message = "服务暂时不可用（数据库没有响应），请稍后再试。Service temporarily unavailable; please try again later.";

    public static IApplicationBuilder UseStorageUnavailable(this IApplicationBuilder app)
        => app.Use(async (http, next) =>
        {
            try
            {
                await next(http);
            }
            catch (Exception e) when (IsStorage(e) && !http.Response.HasStarted)
            {
                http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(StorageUnavailable).FullName!)
                    .LogWarning("{Method} {Path}: storage did not answer: {Error}", http.Request.Method, http.Request.Path, e.Message);
                http.Response.Clear();
                http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                http.Response.Headers.RetryAfter = "10";
                await http.Response.WriteAsJsonAsync(new { error = new { code = "StorageUnavailable", message = Message } });
            }
        });

    /// <summary>The exception, or one it wraps, is the database's.</summary>
    public static bool IsStorage(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is DbException or LiteException)
            {
                return true;
            }
        }

        return false;
    }
}
