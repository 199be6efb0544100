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

if (StartupGuard.TryCreateBuilder(args, out var builder) is { } unreadableSettings)
{
    return unreadableSettings;
}

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
    .AddAudit()         // wraps the staff actions registered above, to record them
    .AddAzureOpenAI()
    .AddBotHosting()
    .AddWebChat()       // wraps the caller resolver (AddRoles) and the authentication (AddBotHosting)
    .AddWeChat();       // wraps the delivery channel (AddDelivery); each wrapper checks its order at start-up

var app = builder.Build();

// Before the endpoints are mapped: mapping reads the web chat's and WeChat's settings.
if (await StartupGuard.CheckConfigurationAsync(app) is { } badSetting)
{
    return badSetting;
}

app.UseStorageUnavailable(); // outermost: an outage is a 503, never a 500
app.UseTrustedProxies();
app.MapBotEndpoints();  // POST /api/messages, GET /healthz
app.MapExports();       // GET /exports/{token}: staff download links
app.MapWebChat();       // GET / (the public page), /v3/directline/... (when WebChat:Enabled)
app.MapWeChat();        // GET|POST /api/wechat (when the WeChat keys are set)

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
