using Cppcc.Bot.Tests.Reports;
using Cppcc.Bot.Tests.Support;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Storage;

/// <summary>
/// On PostgreSQL no store may fall back to the LiteDB file: instances share one content folder on App Service, and a
/// second instance would be refused "database in use" by a file nobody meant to use (found by hand with two instances).
/// </summary>
public sealed class PostgresOnlyTests : IAsyncLifetime
{
    private readonly TempDatabase _file = new();
    private ConnectorStub _stub = null!;

    public async Task InitializeAsync() => _stub = await ConnectorStub.StartAsync();

    public async Task DisposeAsync()
    {
        await _stub.DisposeAsync();
        _file.Dispose();
    }

    [PostgresFact]
    public async Task A_bot_on_PostgreSQL_serves_every_feature_without_creating_the_LiteDB_file()
    {
        var settings = TeamsScenario.Settings(new()
        {
            ["Storage:Provider"] = "PostgreSql",
            ["ConnectionStrings:PostgreSql"] = await TestPostgres.CreateDatabaseAsync(),
        });
        await using (var bot = new BotFactory(_file, settings))
        {
            var teams = new TeamsScenario(bot.CreateClient(), _stub);
            await teams.RegisterAsync("m1");
            await teams.RegisterAsync(TeamsScenario.StaffAad);
            var filed = TeamsScenario.Text(await teams.SubmitAsync("m1", ReportBot.Submit("report", "路灯不亮", "夜间出行不便。")));
            Assert.Matches(@"SQ-\d{4}-\d{6}", filed);
            foreach (var text in new[] { "我的履职", "我的社情民意", "政协委员有哪些权利" })
            {
                Assert.NotEmpty(await teams.SayAsync("m1", text));
            }

            foreach (var text in new[] { "履职排名", "操作记录", "出席情况", "待办" })
            {
                Assert.NotEmpty(await teams.SayAsync(TeamsScenario.StaffAad, text));
            }

            await teams.SubmitAsync(TeamsScenario.StaffAad, new JObject { ["action"] = "broadcast.send", ["text"] = "本周五集中学习", ["audience"] = "all" });
            await bot.DeliveryIdleAsync();
        }

        Assert.False(File.Exists(_file.FilePath), "the LiteDB file was created on PostgreSQL");
        Assert.Empty(Directory.GetFiles(_file.Folder));
    }
}
