using Azure.Core;
using Cppcc.Bot.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Graph;

public sealed class GraphSyncTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();
    private ConnectorStub _connector = null!;
    private GraphStub _graph = null!;

    public async Task InitializeAsync()
    {
        _connector = await ConnectorStub.StartAsync();
        _graph = await GraphStub.StartAsync(new()
        {
            ["g-members"] = [("m1", "委员甲"), ("g1", "委员乙"), ("g2", "委员丙"), ("g3", "委员丁"), ("g4", "委员戊")],
            ["g-staff"] = [("aad-graph-staff", "机关干部乙")],
        });
    }

    public async Task DisposeAsync()
    {
        await _graph.DisposeAsync();
        await _connector.DisposeAsync();
        _db.Dispose();
    }

    [Fact]
    public async Task Graph_installs_the_app_for_members_without_a_conversation_and_grants_staff_from_the_staff_group()
    {
        await using (var withoutGraph = new BotFactory(_db, TeamsScenario.Settings()))
        {
            await new TeamsScenario(withoutGraph.CreateClient(), _connector).RegisterAsync("m1");
        }

        var settings = TeamsScenario.Settings(new()
        {
            ["Graph:TenantId"] = "tenant-1",
            ["Graph:ClientId"] = "client-1",
            ["Graph:ClientSecret"] = "not-used-by-the-test",
            ["Graph:BaseUrl"] = _graph.BaseUrl,
            ["Graph:MembersGroupId"] = "g-members",
            ["Graph:StaffGroupId"] = "g-staff",
            ["Graph:TeamsAppId"] = "catalog-app-1",
            ["Graph:SyncInterval"] = "00:00:01",
        });
        await using var bot = new BotFactory(_db, settings, s => s.AddSingleton<TokenCredential>(new FixedGraphToken()));
        var teams = new TeamsScenario(bot.CreateClient(), _connector);

        await TeamsScenario.WaitUntilAsync(() => _graph.InstalledFor.Count >= 4);
        Assert.Equal(new[] { "g1", "g2", "g3", "g4" }, _graph.InstalledFor.Take(4).Order());
        Assert.All(_graph.Requests, r => Assert.Equal("Bearer graph-test-token", r.Authorization));
        Assert.Contains(_graph.Requests, r => r.Body.Contains("\"teamsApp@odata.bind\":\"" + _graph.BaseUrl + "/appCatalogs/teamsApps/catalog-app-1\""));

        await teams.RegisterAsync("aad-graph-staff");
        var reply = TeamsScenario.Text(await teams.SubmitAsync("aad-graph-staff", new JObject { ["action"] = "broadcast.send", ["text"] = "来自 Graph 职员的通知" }));
        Assert.Contains("TZ-", reply);
        var member = TeamsScenario.Text(await teams.SubmitAsync("m1", new JObject { ["action"] = "broadcast.send", ["text"] = "委员不可群发" }));
        Assert.Contains("没有使用此功能的权限", member);
    }
}
