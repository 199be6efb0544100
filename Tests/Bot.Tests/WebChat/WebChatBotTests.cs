using System.Net;
using System.Text.Json;
using Cppcc.Bot.Conversations;
using Cppcc.Bot.Proactive;
using Cppcc.Bot.Tests.Support;
using Cppcc.Dialogs.Root;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace Cppcc.Bot.Tests.WebChat;

/// <summary>The web chat runs the same bot as Teams, with the public role only, and proactive messages reach it.</summary>
public sealed class WebChatBotTests
{
    private const string StaffQuestion = "机关内部值班表在哪里看？";
    private const string StaffAnswer = "值班表见机关内网";

    [Fact]
    public async Task A_visitor_claiming_a_staff_id_is_still_public()
    {
        await using var host = new WebChatHost(("Staff:UserIds:0", "aad-staff-1"), ("Staff:UserIds:1", "29:staff-1"));
        AddStaffOnlyEntry(host);
        var client = host.DirectLine();
        var grant = await client.StartAsync();

        using var posted = await client.PostActivityAsync(grant, new
        {
            type = "message",
            text = StaffQuestion,
            channelId = "msteams",
            serviceUrl = "http://127.0.0.1:9/",
            from = new { id = "29:staff-1", aadObjectId = "aad-staff-1", name = "机关干部", role = "user" },
            conversation = new { id = "a:staff-chat", tenantId = "tenant-1" },
        });
        var id = JsonDocument.Parse(await posted.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString()!;
        var (seen, _) = await client.PollAsync(grant);

        var echo = seen.Single(a => a.GetProperty("id").GetString() == id);
        Assert.Equal("webchat", echo.GetProperty("channelId").GetString());
        Assert.StartsWith("dl_", echo.GetProperty("from").GetProperty("id").GetString());
        Assert.False(echo.GetProperty("from").TryGetProperty("aadObjectId", out _));
        var reply = Assert.Single(DirectLineClient.RepliesTo(seen, id));
        Assert.DoesNotContain(StaffAnswer, reply);

        // The same entry does answer real staff on Teams, so the refusal above is the channel's doing.
        using var http = host.Factory.CreateClient();
        var teams = await BotFactory.SendAsync(http, BotFactory.TeamsMessage(StaffQuestion, userId: "29:staff-1", aadObjectId: "aad-staff-1"));
        Assert.Contains(StaffAnswer, teams.ToString());
        var references = host.Services.GetRequiredService<IConversationReferenceStore>();
        Assert.DoesNotContain(references.UserKeys(Role.Member), key => key.StartsWith("webchat:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_proactive_message_reaches_the_visitors_page()
    {
        await using var host = new WebChatHost();
        var client = host.DirectLine();
        var grant = await client.StartAsync();
        var id = await client.SayAsync(grant, WebChatHost.Question);
        var (seen, watermark) = await client.PollAsync(grant);
        var userId = seen.Single(a => a.GetProperty("id").GetString() == id).GetProperty("from").GetProperty("id").GetString();
        var reference = host.Services.GetRequiredService<IConversationReferenceStore>().Find($"webchat:{userId}");
        Assert.NotNull(reference);

        var messenger = host.Services.GetRequiredService<ProactiveMessenger>();
        var sentId = await messenger.SendAsync(reference, MessageFactory.Text("您的建议 JY-2026-000001 已受理。"), CancellationToken.None);
        await messenger.UpdateAsync(reference, sentId!, MessageFactory.Text("您的建议 JY-2026-000001 已转交区住建局办理。"), CancellationToken.None);
        var (pushed, _) = await client.PollAsync(grant, watermark);

        Assert.Equal(2, pushed.Length);
        Assert.All(pushed, a => Assert.Equal(sentId, a.GetProperty("id").GetString()));
        Assert.Contains("已受理", pushed[0].GetProperty("text").GetString());
        Assert.Contains("已转交", pushed[1].GetProperty("text").GetString());
    }

    [Fact]
    public async Task A_proactive_message_to_a_visitor_who_left_fails_as_not_found()
    {
        await using var host = new WebChatHost();
        var client = host.DirectLine();
        var grant = await client.StartAsync();
        var id = await client.SayAsync(grant, WebChatHost.Question);
        var (seen, _) = await client.PollAsync(grant);
        var userId = seen.Single(a => a.GetProperty("id").GetString() == id).GetProperty("from").GetProperty("id").GetString();
        var reference = host.Services.GetRequiredService<IConversationReferenceStore>().Find($"webchat:{userId}")!;
        var gone = new ConversationReference
        {
            ChannelId = reference.ChannelId,
            ServiceUrl = reference.ServiceUrl,
            Bot = reference.Bot,
            User = reference.User,
            Conversation = new ConversationAccount(id: "wc-no-such-conversation"),
        };

        var failure = await Assert.ThrowsAsync<ErrorResponseException>(() =>
            host.Services.GetRequiredService<ProactiveMessenger>().SendAsync(gone, MessageFactory.Text("x"), CancellationToken.None));

        Assert.Equal(HttpStatusCode.NotFound, failure.Response.StatusCode);
    }

    [Fact]
    public async Task With_an_app_id_set_the_web_chat_still_answers_and_api_messages_demands_a_jwt()
    {
        await using var host = new WebChatHost(
            ("MicrosoftAppType", "MultiTenant"), ("MicrosoftAppId", "11111111-2222-3333-4444-555555555555"), ("MicrosoftAppPassword", "not-a-real-secret"));
        var client = host.DirectLine();
        var grant = await client.StartAsync();

        var id = await client.SayAsync(grant, WebChatHost.Question);
        var (seen, _) = await client.PollAsync(grant);
        using var http = host.Factory.CreateClient();
        using var unauthenticated = await http.PostAsync("/api/messages",
            new StringContent(BotFactory.TeamsMessage("你好").ToString(), System.Text.Encoding.UTF8, "application/json"));

        Assert.Contains(WebChatHost.Answer, Assert.Single(DirectLineClient.RepliesTo(seen, id)));
        Assert.Equal(HttpStatusCode.Unauthorized, unauthenticated.StatusCode);
    }

    private static void AddStaffOnlyEntry(WebChatHost host) =>
        File.WriteAllText(Path.Combine(host.KnowledgeFolder, "staff.yaml"), $"""
            - id: staff-duty-roster
              questions:
                - {StaffQuestion}
              answer: {StaffAnswer}。
              audience: staff
            """);
}
