using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Cppcc.Bot.WebChat;

/// <summary>
/// With WebChat:DirectLineSecret set, the page uses Azure Bot Service's Direct Line instead of the embedded one: the
/// bot exchanges the secret for a conversation token (Direct Line 3.0 tokens/generate) bound to a server-chosen
/// user id, so the page still never holds the secret and a visitor cannot pick someone else's id.
/// </summary>
internal sealed class AzureDirectLine(IHttpClientFactory httpClients, IOptions<WebChatOptions> options, ILogger<AzureDirectLine> logger)
{
    public const string HttpClientName = "webchat-azure-directline";

    public bool Enabled => !string.IsNullOrWhiteSpace(options.Value.DirectLineSecret);

    public string Domain => options.Value.DirectLineEndpoint.TrimEnd('/');

    /// <summary>A token for a new Azure conversation, or null when Azure did not give one (logged without the secret).</summary>
    public async Task<DirectLineEndpoints.TokenResponse?> GenerateAsync(string userId, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Domain + "/tokens/generate")
        {
            Content = JsonContent.Create(new { user = new { id = userId } }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.Value.DirectLineSecret);
        try
        {
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                logger.LogWarning("Azure Direct Line refused a token: HTTP {Status}", (int)response.StatusCode);
                return null;
            }

            var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
            return new DirectLineEndpoints.TokenResponse(
                body.GetProperty("conversationId").GetString()!, body.GetProperty("token").GetString()!,
                body.TryGetProperty("expires_in", out var expires) ? expires.GetInt32() : 0)
            { Domain = Domain };
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or JsonException or KeyNotFoundException or InvalidOperationException)
        {
            logger.LogWarning("Azure Direct Line token request failed: {Error}", e.GetType().Name);
            return null;
        }
    }
}
