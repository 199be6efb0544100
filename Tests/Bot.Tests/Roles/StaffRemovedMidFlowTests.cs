using Cppcc.Bot.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cppcc.Bot.Tests.Roles;

/// <summary>
/// Staff rights are read again at the step that acts: someone taken off Staff:UserIds while writing a notice or a
/// session can finish typing, but nothing is sent or created in their name.
/// </summary>
public sealed class StaffRemovedMidFlowTests : IAsyncLifetime
{
    private readonly TempDatabase _db = new();
    private ConnectorStub _stub = null!;
    private BotFactory _bot = null!;
    private TeamsScenario _teams = null!;

    public async Task InitializeAsync()
    {
        _stub = await ConnectorStub.StartAsync();
        _bot = new BotFactory(_db, TeamsScenario.Settings());
        _teams = new TeamsScenario(_bot.CreateClient(), _stub);
        await _teams.RegisterAsync("m1");
    }

    public async Task DisposeAsync()
    {
        await _bot.DisposeAsync();
        await _stub.DisposeAsync();
        _db.Dispose();
    }

    private async Task<string> StaffSaysAsync(string text) => TeamsScenario.Text(await _teams.SayAsync(TeamsScenario.StaffAad, text));

    private void RemoveStaff()
    {
        var configuration = (IConfigurationRoot)_bot.Services.GetRequiredService<IConfiguration>();
        configuration["Staff:UserIds:0"] = "aad-someone-else";
        configuration.Reload();
    }

    [Fact]
    public async Task A_notice_confirmed_after_the_sender_lost_staff_rights_is_not_sent()
    {
        Assert.Contains("请输入通知内容", await StaffSaysAsync("通知"));
        await StaffSaysAsync("本周五下午集中学习");
        RemoveStaff();
        await StaffSaysAsync("无");

        var sent = await StaffSaysAsync("发送");

        Assert.Contains("没有使用此功能的权限", sent);
        Assert.DoesNotContain("TZ-", sent);
        await _bot.DeliveryIdleAsync();
        Assert.DoesNotContain(_stub.Requests, r => r.Body.Contains("本周五下午集中学习"));
    }

    [Fact]
    public async Task A_session_confirmed_after_the_sender_lost_staff_rights_is_not_created()
    {
        Assert.Contains("标题", await StaffSaysAsync("安排学习"));
        await StaffSaysAsync("学习全会精神");
        await StaffSaysAsync("集中学习");
        await StaffSaysAsync(DateTimeOffset.UtcNow.AddDays(7).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm"));
        await StaffSaysAsync("三楼会议室");
        RemoveStaff();
        await StaffSaysAsync("不重复");

        var created = await StaffSaysAsync("创建");

        Assert.Contains("没有使用此功能的权限", created);
        Assert.DoesNotContain("HD-", created);
        Assert.Contains("近期没有学习安排", TeamsScenario.Text(await _teams.SayAsync("m1", "学习安排")));
    }
}
