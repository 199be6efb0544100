using System.Net.Http.Headers;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Attachments;

/// <summary>One file named on an activity, before it is downloaded.</summary>
/// <param name="Name">Its name as sent (may be empty for inline images).</param>
/// <param name="Url">Where to fetch it.</param>
/// <param name="WithBotToken">True for files on the channel's own service (Teams inline images need the bot's token).</param>
/// <param name="Held">The bytes, when the web chat's upload endpoint already holds them (no download).</param>
public sealed record OfferedFile(string Name, Uri? Url, bool WithBotToken, byte[]? Held = null);

/// <summary>
/// Finds and fetches the files on a Teams message: inline images and pasted files (<c>contentUrl</c> on the
/// activity's <c>serviceUrl</c> host, fetched with the bot's token) and files sent from OneDrive
/// (<c>application/vnd.microsoft.teams.file.download.info</c>, whose <c>downloadUrl</c> is pre-authorised and gets
/// no token). A URL anywhere else is not fetched: the bot's token never leaves the channel's service.
/// </summary>
public sealed class ActivityFiles(IHttpClientFactory clients, UploadedFiles uploads)
{
    /// <summary>Teams' attachment type for a file the user uploaded in a personal chat.</summary>
    public const string FileDownloadInfo = "application/vnd.microsoft.teams.file.download.info";

    /// <summary>Largest file kept.</summary>
    public const int MaxBytes = 10 * 1024 * 1024;

    /// <summary>True when the activity names at least one file (the HTML copy of a Teams message and cards are not files).</summary>
    public static bool HasFiles(IActivity activity)
        => (activity as IMessageActivity)?.Attachments?.Any(IsFile) == true;

    /// <summary>The files named, and the names of those that may not be fetched.</summary>
    public (IReadOnlyList<OfferedFile> Files, IReadOnlyList<string> Refused) Offered(IMessageActivity activity)
    {
        var files = new List<OfferedFile>();
        var refused = new List<string>();
        var serviceHost = Uri.TryCreate(activity.ServiceUrl, UriKind.Absolute, out var service) ? service.Authority : null;
        foreach (var attachment in activity.Attachments?.Where(IsFile) ?? [])
        {
            var name = attachment.Name ?? "";
            if (activity.ChannelId == Channels.Webchat && attachment.ContentUrl?.StartsWith(UploadedFiles.Scheme + ":", StringComparison.Ordinal) == true)
            {
                // Sent through the page's upload button: the bytes came with the request, held for this conversation only.
                if (uploads.Take(attachment.ContentUrl, activity.Conversation?.Id ?? "") is { } held)
                {
                    files.Add(new OfferedFile(name, null, WithBotToken: false, held));
                    continue;
                }
            }
            else if (attachment.ContentType == FileDownloadInfo)
            {
                var download = (attachment.Content as JObject)?["downloadUrl"]?.ToString();
                // Pre-authorised links are HTTPS (SharePoint / OneDrive); plain HTTP only on the channel's own host (tests).
                if (Uri.TryCreate(download, UriKind.Absolute, out var url)
                    && (url.Scheme == Uri.UriSchemeHttps || url.Authority == serviceHost))
                {
                    files.Add(new OfferedFile(name, url, WithBotToken: false));
                    continue;
                }
            }
            else if (Uri.TryCreate(attachment.ContentUrl, UriKind.Absolute, out var url) && url.Authority == serviceHost
                     && url.Scheme is "https" or "http")
            {
                files.Add(new OfferedFile(name, url, WithBotToken: true));
                continue;
            }

            refused.Add(name);
        }

        return (files, refused);
    }

    /// <summary>
    /// The file's bytes; null when it cannot be fetched; an array of <see cref="MaxBytes"/> + 1 bytes when it is larger
    /// (read no further).
    /// </summary>
    public async Task<byte[]?> DownloadAsync(OfferedFile file, IConnectorClient? connector, CancellationToken cancellationToken)
    {
        if (file.Held is not null || file.Url is null)
        {
            return file.Held;
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, file.Url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*"));
        if (file.WithBotToken && connector?.Credentials is { } credentials)
        {
            await credentials.ProcessHttpRequestAsync(request, cancellationToken);
        }

        try
        {
            using var response = await clients.CreateClient(nameof(ActivityFiles)).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            if (response.Content.Headers.ContentLength > MaxBytes)
            {
                return new byte[MaxBytes + 1];
            }

            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > MaxBytes)
                {
                    return new byte[MaxBytes + 1];
                }
            }

            return buffer.ToArray();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    private static bool IsFile(Attachment a)
        => a.ContentType == FileDownloadInfo
           || (!string.IsNullOrEmpty(a.ContentUrl) && a.ContentType is not ("text/html" or "application/vnd.microsoft.card.adaptive"));
}
