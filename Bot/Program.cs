using Cppcc.Bot.AI;
using Cppcc.Bot.Attachments;
using Cppcc.Bot.Audiences;
using Cppcc.Bot.Audit;
using Cppcc.Bot.Broadcasts;
using Cppcc.Bot.Conversations;
using Cppcc.Bot.Delivery;
using Cppcc.Bot.Duty;
using Cppcc.Bot.Exports;
using Cppcc.Bot.Graph;
using Cppcc.Bot.Hosting;
using Cppcc.Bot.Knowledge;
using Cppcc.Bot.Office;
using Cppcc.Bot.Proactive;
using Cppcc.Bot.Reminders;
using Cppcc.Bot.Reports;
using Cppcc.Bot.Roles;
using Cppcc.Bot.Storage;
using Cppcc.Bot.Storage.Migration;
using Cppcc.Bot.WebChat;
using Cppcc.Bot.WeChat;
using Cppcc.Dialogs.SmallTalk;

var builder = WebApplication.CreateBuilder(args);

builder.Services
    .AddOffice()
    .AddBotStorage()
    .AddRoles()
    .AddConversations()
    .AddProactive()
    .AddDelivery()
    .AddAudiences()
    .AddBroadcasts()
    .AddReminders()
    .AddGraph()
    .AddKnowledge()
    .AddSmallTalkConversation()
    .AddExports()
    .AddReports()
    .AddDuty()
    .AddAttachments()
    .AddAudit()
    .AddAzureOpenAI()
    .AddBotHosting()
    .AddWebChat()
    .AddWeChat();

var app = builder.Build();

app.UseTrustedProxies();
app.MapBotEndpoints();
app.MapWebChat();
app.MapWeChat();

if (await app.RunWeChatCommandAsync(args))
{
    return Environment.ExitCode;
}

if (MigrateCommand.TryRun(app.Services, app.Environment.ContentRootPath, args, Console.Out, Console.Error, out var migrated))
{
    return migrated;
}

return await StartupGuard.RunAsync(app);

/// <summary>Entry point; public for <c>WebApplicationFactory</c> in the integration tests.</summary>
public partial class Program
{
}
