using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Cppcc.Bot.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Cppcc.Bot.Tests.Graph;

/// <summary>
/// A loopback Microsoft Graph speaking its wire format: group members as OData pages (two users per page, with
/// @odata.nextLink) and Teams app installs (201, or 409 when already installed).
/// </summary>
public sealed class GraphStub : IAsyncDisposable
{
    private readonly Dictionary<string, (string Id, string Name)[]> _groups;
    private readonly HashSet<string> _installed = new();
    private LoopbackServer _server = null!;

    public ConcurrentQueue<(string Method, string Path, string Authorization, string Body)> Requests { get; } = new();

    public string BaseUrl { get; private set; } = "";

    private GraphStub(Dictionary<string, (string, string)[]> groups) => _groups = groups;

    public static async Task<GraphStub> StartAsync(Dictionary<string, (string Id, string Name)[]> groups)
    {
        var stub = new GraphStub(groups);
        stub._server = await LoopbackServer.StartAsync(stub.HandleAsync);
        stub.BaseUrl = stub._server.Address + "/v1.0";
        return stub;
    }

    public IReadOnlyList<string> InstalledFor => Requests.Where(r => r.Method == "POST" && r.Path.EndsWith("/teamwork/installedApps", StringComparison.Ordinal))
        .Select(r => r.Path.Split('/')[3]).ToList();

    private async Task HandleAsync(HttpContext ctx)
    {
        var body = await new StreamReader(ctx.Request.Body).ReadToEndAsync();
        var path = ctx.Request.Path.Value ?? "";
        Requests.Enqueue((ctx.Request.Method, path, ctx.Request.Headers.Authorization.ToString(), body));
        ctx.Response.ContentType = "application/json";
        var segments = path.Trim('/').Split('/'); // v1.0 / groups / {id} / members
        if (ctx.Request.Method == "GET" && segments is ["v1.0", "groups", var group, "members"] && _groups.TryGetValue(group, out var users))
        {
            var skip = int.TryParse(ctx.Request.Query["$skiptoken"], out var s) ? s : 0;
            var page = new JsonObject
            {
                ["@odata.context"] = BaseUrl + "/$metadata#directoryObjects",
                ["value"] = new JsonArray(users.Skip(skip).Take(2).Select(u => (JsonNode)new JsonObject
                {
                    ["@odata.type"] = "#microsoft.graph.user",
                    ["id"] = u.Id,
                    ["displayName"] = u.Name,
                }).ToArray()),
            };
            if (skip + 2 < users.Length)
            {
                page["@odata.nextLink"] = $"{BaseUrl}/groups/{group}/members?$select=id,displayName&$skiptoken={skip + 2}";
            }

            await ctx.Response.WriteAsync(page.ToJsonString());
            return;
        }

        if (ctx.Request.Method == "POST" && segments is ["v1.0", "users", var user, "teamwork", "installedApps"])
        {
            if (!_installed.Add(user))
            {
                ctx.Response.StatusCode = 409;
                await ctx.Response.WriteAsync("{\"error\":{\"code\":\"Conflict\",\"message\":\"App is already installed.\"}}");
                return;
            }
            ctx.Response.StatusCode = 201;
            await ctx.Response.WriteAsync("{\"id\":\"install-" + user + "\"}");
            return;
        }

        if (segments is ["v1.0", "users", var owner, "events", ..] && await CalendarAsync(ctx, owner, segments.Length > 4 ? segments[4] : null, body))
        {
            return;
        }

        ctx.Response.StatusCode = 404;
        await ctx.Response.WriteAsync("{\"error\":{\"code\":\"Request_ResourceNotFound\",\"message\":\"stub\"}}");
    }

    /// <summary>Users whose calendar answers 403 ErrorAccessDenied (e.g. no mailbox) while listed.</summary>
    public ConcurrentDictionary<string, bool> CalendarDenied { get; } = new();

    private int _events;

    /// <summary>Outlook events: POST /users/{id}/events (201 with a new id), PATCH and DELETE /users/{id}/events/{eventId}.</summary>
    private async Task<bool> CalendarAsync(HttpContext ctx, string owner, string? eventId, string body)
    {
        if (CalendarDenied.ContainsKey(owner))
        {
            ctx.Response.StatusCode = 403;
            await ctx.Response.WriteAsync("{\"error\":{\"code\":\"ErrorAccessDenied\",\"message\":\"Access is denied.\"}}");
            return true;
        }

        switch (ctx.Request.Method, eventId)
        {
            case ("POST", null):
                var created = JsonNode.Parse(body)!.AsObject();
                created["id"] = $"evt-{owner}-{Interlocked.Increment(ref _events)}";
                ctx.Response.StatusCode = 201;
                await ctx.Response.WriteAsync(created.ToJsonString());
                return true;
            case ("PATCH", not null):
                var patched = JsonNode.Parse(body)!.AsObject();
                patched["id"] = eventId;
                await ctx.Response.WriteAsync(patched.ToJsonString());
                return true;
            case ("DELETE", not null):
                ctx.Response.StatusCode = 204;
                return true;
            default:
                return false;
        }
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
