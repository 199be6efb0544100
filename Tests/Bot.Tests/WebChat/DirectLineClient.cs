using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Cppcc.Bot.Tests.WebChat;

/// <summary>Speaks Direct Line 3.0 the way the page does (raw HTTP, so every status code is visible to the test).</summary>
internal sealed class DirectLineClient(HttpClient http)
{
    public HttpClient Http => http;

    public async Task<Grant> GenerateAsync()
    {
        using var response = await http.PostAsync("/v3/directline/tokens/generate", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return new Grant(body.GetProperty("conversationId").GetString()!, body.GetProperty("token").GetString()!, body.GetProperty("expires_in").GetInt32());
    }

    /// <summary>A new visitor: token, then the conversation started (the bot greets).</summary>
    public async Task<Grant> StartAsync()
    {
        var grant = await GenerateAsync();
        using var response = await SendAsync(HttpMethod.Post, "/v3/directline/conversations", grant.Token);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return grant;
    }

    public Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token, object? body = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return http.SendAsync(request);
    }

    public Task<HttpResponseMessage> PostActivityAsync(Grant grant, object activity, string? token = null) =>
        SendAsync(HttpMethod.Post, $"/v3/directline/conversations/{Uri.EscapeDataString(grant.ConversationId)}/activities", token ?? grant.Token, activity);

    /// <summary>Posts a message and returns the id the server gave it (the bot has answered when this returns).</summary>
    public async Task<string> SayAsync(Grant grant, string text)
    {
        using var response = await PostActivityAsync(grant, new { type = "message", text, from = new { id = "visitor" } });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>Posts an activity (text or card submit) and returns the bot's replies to it, as raw JSON.</summary>
    public async Task<string[]> ExchangeAsync(Grant grant, object activity)
    {
        using var response = await PostActivityAsync(grant, activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var (activities, _) = await PollAsync(grant);
        return RepliesTo(activities, id);
    }

    public async Task<(JsonElement[] Activities, string Watermark)> PollAsync(Grant grant, string? watermark = null)
    {
        using var response = await SendAsync(HttpMethod.Get, ActivitiesPath(grant, watermark), grant.Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("activities").EnumerateArray().ToArray(), body.GetProperty("watermark").GetString()!);
    }

    public static string ActivitiesPath(Grant grant, string? watermark = null) =>
        $"/v3/directline/conversations/{Uri.EscapeDataString(grant.ConversationId)}/activities"
        + (watermark is null ? "" : $"?watermark={watermark}");

    /// <summary>The bot's messages that answer <paramref name="activityId"/>, as the visitor sees them.</summary>
    public static string[] RepliesTo(IEnumerable<JsonElement> activities, string activityId) =>
        activities.Where(a => a.GetProperty("from").GetProperty("role").GetString() == "bot"
                && a.TryGetProperty("replyToId", out var r) && r.GetString() == activityId)
            .Select(a => a.GetRawText()).ToArray();

    public static async Task<string> ErrorMessageAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("message").GetString()!;
}

internal sealed record Grant(string ConversationId, string Token, int ExpiresIn);
