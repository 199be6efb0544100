using Cppcc.Bot.Roles;
using Cppcc.Dialogs.Reports;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.Reports;

/// <summary>
/// <c>GET /exports/{token}</c>: the CSV or Excel export a staff user asked for with <c>统计</c>. 404 for a token that
/// is not ours, 410 once it expired, 403 when its user is no longer staff; the file otherwise.
/// </summary>
public static class ReportExportEndpoint
{
    /// <summary>Handles one request (mounted at <see cref="ReportExports.PathPrefix"/>).</summary>
    public static async Task HandleAsync(HttpContext http)
    {
        var services = http.RequestServices;
        if (!HttpMethods.IsGet(http.Request.Method))
        {
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        var grant = services.GetRequiredService<ExportTokens>().Read(http.Request.Path.Value?.Trim('/'));
        if (grant is null || grant.Format is not ("csv" or "xlsx"))
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (services.GetRequiredService<TimeProvider>().GetUtcNow() > grant.ExpiresAt)
        {
            http.Response.StatusCode = StatusCodes.Status410Gone;
            return;
        }

        if (!IsStaff(grant.UserKey, services.GetRequiredService<IOptionsMonitor<StaffOptions>>().CurrentValue))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        var stats = await services.GetRequiredService<IReportReview>().StatisticsAsync(grant.Period, http.RequestAborted);
        var name = $"社情民意统计_{grant.Period.From:yyyyMMdd}-{grant.Period.To:yyyyMMdd}.{grant.Format}";
        var (bytes, type) = grant.Format == "csv"
            ? (ReportExporter.Csv(stats), "text/csv; charset=utf-8")
            : (ReportExporter.Excel(stats), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        http.Response.Headers.CacheControl = "no-store";
        await Results.File(bytes, type, name).ExecuteAsync(http);
    }

    /// <summary>A user key (<c>channel:id</c>) is staff when its id is listed and its channel is not the public web chat.</summary>
    // REVIEW: mirrors CallerResolver's Staff:UserIds rule; when staff also come from Graph:StaffGroupId, ask that source here.
    private static bool IsStaff(string userKey, StaffOptions staff)
    {
        var colon = userKey.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || CallerResolver.PublicChannels.Contains(userKey[..colon]))
        {
            return false;
        }

        return staff.UserIds.Contains(userKey[(colon + 1)..], StringComparer.OrdinalIgnoreCase);
    }
}
