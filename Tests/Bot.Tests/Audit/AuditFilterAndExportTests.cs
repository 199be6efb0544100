using System.Text.RegularExpressions;
using ClosedXML.Excel;
using Cppcc.Bot.Tests.Reports;
using Cppcc.Bot.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.Tests.Audit;

/// <summary>What else is recorded (knowledge-base edits, groups, staff rights), and how staff filter and export the trail.</summary>
public class AuditFilterAndExportTests : IDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 2, 0, 0, TimeSpan.Zero);
    private readonly TempDatabase _db = new();
    private readonly FakeTimeProvider _time = new(Start);

    private ReportBot Bot() => new(_db, services: s => s.AddSingleton<TimeProvider>(_time));

    private static JObject KbSave(string answer) => new()
    {
        ["action"] = "kb.save",
        ["id"] = "visit-building",
        ["questions"] = "政协大楼可以参观吗？",
        ["answer"] = answer,
        ["source"] = "区政协办公室",
        ["url"] = "",
        ["audience"] = "public",
        ["tags"] = "",
        ["related"] = "",
    };

    [Fact]
    public async Task Knowledge_edits_group_changes_and_staff_rights_are_recorded_with_before_and_after()
    {
        using var bot = Bot();
        await bot.Member("你好");
        await bot.Member("你好", user: "m2", name: "李委员");

        Assert.Contains("已保存", ReportBot.Read(await bot.Staff("", KbSave("每月第一个周六开放。"))));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Contains("已保存", ReportBot.Read(await bot.Staff("", KbSave("每周六开放，提前一周预约。"))));
        Assert.Contains("已下架", ReportBot.Read(await bot.Staff("知识库 下架 visit-building")));
        await bot.Staff("", new JObject { ["action"] = "group.set", ["name"] = "民盟", ["kind"] = "界别", ["members"] = "aad-m1" });
        await bot.Staff("", new JObject { ["action"] = "group.set", ["name"] = "民盟", ["kind"] = "界别", ["members"] = "aad-m1, 李委员" });

        // Staff rights come from configuration: a reload that adds an id is one record; replacing it, two.
        var configuration = (IConfigurationRoot)bot.Factory.Services.GetRequiredService<IConfiguration>();
        configuration["Staff:UserIds:1"] = "aad-new-staff";
        configuration.Reload();
        configuration["Staff:UserIds:1"] = "aad-other-staff";
        configuration.Reload();

        var text = ReportBot.Read(await bot.Staff("操作记录", null));
        Assert.Contains("王干部：kb.save visit-building（- → public · 问：政协大楼可以参观吗？ · 答：每月第一个周六开放。）", text);
        Assert.Contains("王干部：kb.save visit-building（public · 问：政协大楼可以参观吗？ · 答：每月第一个周六开放。 → public · 问：政协大楼可以参观吗？ · 答：每周六开放，提前一周预约。）", text);
        Assert.Contains("王干部：kb.retire visit-building（public · 问：政协大楼可以参观吗？ · 答：每周六开放，提前一周预约。 → retired）", text);
        Assert.Contains("王干部：group.save 民盟（- → 界别 · 1 人：msteams:aad-m1）", text);
        Assert.Contains("王干部：group.save 民盟（界别 · 1 人：msteams:aad-m1 → 界别 · 2 人：msteams:aad-m1, msteams:aad-m2）", text);
        Assert.Contains("system：role.grant aad-new-staff（- → staff）", text);
        Assert.Contains("system：role.grant aad-other-staff（- → staff）", text);
        Assert.Contains("system：role.revoke aad-new-staff（staff → -）", text);
        Assert.Contains("校验通过：共 8 条记录", text);
    }

    [Fact]
    public async Task Staff_filter_by_word_action_target_and_dates_and_export_what_they_see()
    {
        using var bot = Bot();
        var first = ReportBot.Reference(await bot.Member("", ReportBot.Submit("report", "学校门口交通拥堵", "早晚高峰车辆占道。")));
        var second = ReportBot.Reference(await bot.Member("", ReportBot.Submit("report", "河道垃圾清理", "河道垃圾长期无人清理。")));
        await bot.Staff("", ReportBot.Transition(first, "accepted"));
        _time.Advance(TimeSpan.FromDays(31));
        await bot.Staff("", ReportBot.Transition(second, "returned", "请补充地点"));
        await bot.Staff("", new JObject { ["action"] = "group.set", ["name"] = "民盟", ["kind"] = "界别", ["members"] = "aad-m1" });

        var byTarget = ReportBot.Read(await bot.Staff("操作记录 " + second));
        Assert.Contains("操作记录（" + second + "：1 条）", byTarget);
        Assert.Contains("report.transition " + second, byTarget);
        Assert.DoesNotContain(first, byTarget);

        var byAction = ReportBot.Read(await bot.Staff("audit report.transition"));
        Assert.Contains("：2 条", byAction);
        Assert.DoesNotContain("group.save", byAction);

        var june = ReportBot.Read(await bot.Staff("操作记录 2026-06"));
        Assert.Contains("操作记录（2026-06-01..2026-06-30：1 条）", june);
        Assert.Contains(first, june);
        var july = ReportBot.Read(await bot.Staff("操作记录 王干部 2026-07-01..2026-07-31"));
        Assert.Contains("：2 条", july);
        Assert.Contains("group.save 民盟", july);
        Assert.Contains("没有符合条件的记录", ReportBot.Read(await bot.Staff("操作记录 张三")));
        Assert.Contains("没看懂筛选条件", ReportBot.Read(await bot.Staff("操作记录 2026-13")));
        Assert.Contains("没看懂筛选条件", ReportBot.Read(await bot.Staff("操作记录 500")));
        Assert.Contains("没看懂筛选条件", ReportBot.Read(await bot.Staff("操作记录 a|b")));

        var replies = await bot.Staff("操作记录 导出 report.transition");
        Assert.Contains("操作记录导出（report.transition）", ReportBot.Read(replies));
        var urls = Regex.Matches(replies.ToString(), @"https?://[^""\s]+/exports/[\w\-.]+").Select(m => new Uri(m.Value).PathAndQuery).ToList();
        Assert.Equal(2, urls.Count);
        var csv = (await (await bot.Client.GetAsync(urls[0])).Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("序号,时间,操作人,操作人标识,操作,对象,之前,之后", csv[0]);
        Assert.Equal($"1,2026-06-01 10:00:00,王干部,msteams:aad-staff,report.transition,{first},submitted,accepted", csv[1]);
        Assert.StartsWith($"2,2026-07-02 10:00:00,王干部,msteams:aad-staff,report.transition,{second},submitted,returned", csv[2]);
        Assert.Equal(",,,,校验,校验通过：共 3 条记录，哈希链完整,,", csv[3]);
        Assert.Equal(4, csv.Length);

        using var workbook = new XLWorkbook(await (await bot.Client.GetAsync(urls[1])).Content.ReadAsStreamAsync());
        var sheet = workbook.Worksheet("操作记录");
        Assert.Equal((first, "accepted"), (sheet.Cell(2, 6).GetString(), sheet.Cell(2, 8).GetString()));

        // The downloads themselves are staff actions too.
        Assert.Contains("export.download audit.csv report.transition", ReportBot.Read(await bot.Staff("操作记录 export.download")));
        Assert.Contains("抱歉，您没有使用此功能的权限", ReportBot.Read(await bot.Member("操作记录 导出")));
    }

    public void Dispose() => _db.Dispose();
}
