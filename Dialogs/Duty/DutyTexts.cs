using Cppcc.Dialogs.Framework;

namespace Cppcc.Dialogs.Duty;

/// <summary>User-facing texts of the duty record and the ranking, zh-CN first.</summary>
public static class DutyTexts
{
    internal static readonly Localized MenuRecord = new("我的履职", "My record");
    internal static readonly Localized MenuRanking = new("履职排名", "Ranking");
    internal static readonly Localized BadYear = new("请写年份，例如“我的履职 2026”。", "Please name a year, e.g. \"my record 2026\".");
    internal static readonly Localized MembersOnly = new("履职档案仅向政协委员开放，请在 Teams 中使用。", "The duty record is for committee members in Teams.");
    internal static readonly Localized RecordTitle = new("{0} 年履职档案 · {1}", "Duty record {0} · {1}");
    internal static readonly Localized ReportsLine = new("社情民意：报送 {0} 篇，审核通过 {1}，报送上级 {2}，已获办理答复 {3}，采用 {4}",
        "Reports: filed {0}, accepted {1}, forwarded {2}, replied to {3}, adopted {4}");
    internal static readonly Localized AdoptedLine = new("采用：区级 {0}，市级 {1}，省级 {2}，全国 {3}，领导批示 {4}",
        "Adopted: district {0}, city {1}, province {2}, national {3}, instructions {4}");
    internal static readonly Localized SessionsLine = new("学习活动：参加 {0} 次，请假 {1} 次，未答复 {2} 次",
        "Study sessions: attended {0}, absent with leave {1}, not answered {2}");
    internal static readonly Localized PointsTitle = new("积分合计：{0} 分", "Points: {0}");
    internal static readonly Localized PointsLine = new("{0}：{1} × {2} 分 = {3} 分", "{0}: {1} × {2} = {3}");
    internal static readonly Localized NoPoints = new("本年度尚无计分事项。", "Nothing has earned points this year yet.");
    internal static readonly Localized RankingTitle = new("{0} 年履职积分排名", "Duty points ranking {0}");
    internal static readonly Localized RankingMembers = new("委员（前 {0} 名）", "Members (top {0})");
    internal static readonly Localized RankingSectors = new("界别（前 {0} 名）", "Sectors (top {0})");
    internal static readonly Localized RankingRow = new("{0}. {1}（{2}）：{3} 分 · 报送 {4} · 采用 {5} · 参加学习 {6}",
        "{0}. {1} ({2}): {3} points · filed {4} · adopted {5} · attended {6}");
    internal static readonly Localized ChartAlt = new("{0} 年每月报送与采用、各界别积分图", "Reports filed and adopted per month, and points per sector, {0}");
    internal static readonly Localized RankingEmpty = new("该年度暂无履职记录。", "No duty records for that year.");
    // The ranking and its files are in Chinese: the same word the report statistics use for a member with no sector.
    internal static readonly Localized SectorNotSet = new("未填写", "not set");
    internal static readonly Localized DownloadCsv = new("下载 CSV", "Download CSV");
    internal static readonly Localized DownloadExcel = new("下载 Excel", "Download Excel");
    internal static readonly Localized LinksExpire = new("下载链接仅限工作人员使用，{0} 前有效。", "The links work for staff only, until {0}.");

    private static readonly IReadOnlyDictionary<DutyItem, Localized> ItemLabels = new Dictionary<DutyItem, Localized>
    {
        [DutyItem.Filed] = new("报送社情民意", "Reports filed"),
        [DutyItem.AdoptedDistrict] = new("区级采用", "Adopted (district)"),
        [DutyItem.AdoptedCity] = new("市级采用", "Adopted (city)"),
        [DutyItem.AdoptedProvince] = new("省级采用", "Adopted (province)"),
        [DutyItem.AdoptedNational] = new("全国采用", "Adopted (national)"),
        [DutyItem.Instruction] = new("领导批示", "Leader's instruction"),
        [DutyItem.Attended] = new("参加学习活动", "Sessions attended"),
        [DutyItem.AbsentWithoutLeave] = new("未请假缺席", "Absent without leave"),
    };

    /// <summary>The label of a points item.</summary>
    public static Localized Label(this DutyItem item) => ItemLabels[item];
}
