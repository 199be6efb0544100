using Microsoft.AspNetCore.StaticFiles;

namespace Cppcc.Bot.WebChat;

/// <summary>
/// Security headers for the public page: scripts only from the bot itself (the page and the Web Chat bundle), network
/// only to the bot or, in Azure mode, to Azure's Direct Line. Web Chat styles itself with inline CSS (emotion), hence
/// 'unsafe-inline' for styles only.
/// </summary>
internal static class WebChatPageHeaders
{
    public static void Apply(StaticFileResponseContext context)
    {
        var headers = context.Context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        if (!context.File.Name.Contains(".html", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var azure = context.Context.RequestServices.GetRequiredService<AzureDirectLine>();
        // blob: is the file a visitor picked with the upload button, which the Direct Line client reads before posting it.
        var connect = "'self' ws: wss: blob:";
        if (azure.Enabled && Uri.TryCreate(azure.Domain, UriKind.Absolute, out var domain))
        {
            connect += $" {domain.GetLeftPart(UriPartial.Authority)} wss://{domain.Authority}";
        }

        headers.ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + $"img-src 'self' data: blob:; font-src 'self' data:; connect-src {connect}; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
        headers.CacheControl = "no-cache";
    }
}
