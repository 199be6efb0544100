using Cppcc.Bot.Conversations;
using Cppcc.Bot.Roles;
using Cppcc.Dialogs.Audit;
using Cppcc.Dialogs.Root;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.Exports;

/// <summary>
/// <c>GET /exports/{token}</c>: the file a staff user was given a link to. 404 for a token that is not ours or names
/// nothing that exists, 410 once it expired, 403 when its user is no longer staff; the file otherwise.
/// </summary>
public static class ExportEndpoint
{
    /// <summary>The route value that holds the token.</summary>
    public const string TokenRouteValue = "token";

    /// <summary>Handles one request (mapped under <see cref="DownloadLinks.PathPrefix"/>).</summary>
    public static async Task HandleAsync(HttpContext http)
    {
        var services = http.RequestServices;
        if (!HttpMethods.IsGet(http.Request.Method))
        {
            http.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }

        var grant = services.GetRequiredService<ExportTokens>().Read((http.GetRouteValue(TokenRouteValue) as string)?.Trim('/'));
        var source = grant is null ? null : services.GetServices<IExportSource>().FirstOrDefault(s => s.Kind == grant.Kind);
        if (grant is null || source is null)
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

        if (source.Create(grant.Subject) is not { } file)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        // Who took which file out of the bot is a staff action like any other.
        var name = services.GetService<IConversationReferenceStore>()?.Find(grant.UserKey)?.User?.Name ?? "";
        services.GetService<IAuditTrail>()?.Record(grant.UserKey, name, "export.download", grant.Kind + " " + grant.Subject, null, file.FileName);
        http.Response.Headers.CacheControl = "no-store";
        await Results.File(file.Content, file.ContentType, file.FileName).ExecuteAsync(http);
    }

    /// <summary>A user key (<c>channel:id</c>) is staff when its id is listed and its channel is one that grants staff.</summary>
    // REVIEW: mirrors CallerResolver's Staff:UserIds rule; when staff also come from Graph:StaffGroupId, ask that source here.
    private static bool IsStaff(string userKey, StaffOptions staff)
    {
        if (!UserKey.TryParse(userKey, out var key) || !CallerResolver.StaffChannels.Contains(key.Channel))
        {
            return false;
        }

        return staff.UserIds.Contains(key.Id, StringComparer.OrdinalIgnoreCase);
    }
}
