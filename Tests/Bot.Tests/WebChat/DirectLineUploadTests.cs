using System.Net;
using System.Net.Http.Headers;

namespace Cppcc.Bot.Tests.WebChat;

/// <summary>The page's upload button (<c>/upload</c>) as a hostile client could call it: the optional activity part is theirs.</summary>
public sealed class DirectLineUploadTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Theory]
    [InlineData("{\"type\":\"message\",\"text\":\"照片\",\"channelData\":\"x\"}")]
    [InlineData("{\"type\":\"message\",\"text\":\"照片\",\"channelData\":[1]}")]
    [InlineData("{\"type\":\"message\",\"text\":\"照片\",\"channelData\":{\"clientActivityID\":{\"a\":1}}}")]
    [InlineData("[1]")]
    [InlineData("{")]
    public async Task An_activity_part_of_the_wrong_shape_is_ignored_and_the_files_still_arrive(string activityPart)
    {
        await using var host = new WebChatHost();
        var client = host.DirectLine();
        var grant = await client.StartAsync();
        using var form = new MultipartFormDataContent();
        var activity = new StringContent(activityPart);
        activity.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
        form.Add(activity, "activity", "blob");
        var file = new ByteArrayContent(Png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        form.Add(file, "file", "photo.png");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/v3/directline/conversations/{Uri.EscapeDataString(grant.ConversationId)}/upload")
        {
            Content = form,
        };
        request.Headers.Authorization = new("Bearer", grant.Token);

        using var response = await client.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var (activities, _) = await client.PollAsync(grant);
        Assert.Contains(activities, a => a.GetProperty("from").GetProperty("role").GetString() == "user"
            && a.TryGetProperty("attachments", out var attachments) && attachments.GetArrayLength() == 1);
    }
}
