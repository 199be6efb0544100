using Cppcc.Dialogs.Framework;

namespace Cppcc.Dialogs.Reports;

/// <summary>Every user-facing text of the reports feature (zh-CN first, English as a courtesy).</summary>
public static class ReportTexts
{
    // Kinds, states, levels
    internal static readonly Localized KindReport = new("社情民意信息", "opinion report");
    internal static readonly Localized KindSuggestion = new("建议", "suggestion");

    internal static readonly IReadOnlyDictionary<ReportState, Localized> StateLabels = new Dictionary<ReportState, Localized>
    {
        [ReportState.Submitted] = new("待审核", "Submitted"),
        [ReportState.Accepted] = new("已通过", "Accepted"),
        [ReportState.Returned] = new("已退回", "Returned"),
        [ReportState.Forwarded] = new("已报送", "Forwarded"),
        [ReportState.Replied] = new("已反馈", "Replied"),
        [ReportState.Adopted] = new("已采用", "Adopted"),
        [ReportState.Closed] = new("已办结", "Closed"),
    };

    internal static readonly IReadOnlyDictionary<AdoptionLevel, Localized> LevelLabels = new Dictionary<AdoptionLevel, Localized>
    {
        [AdoptionLevel.District] = new("区级采用", "District"),
        [AdoptionLevel.City] = new("市级采用", "City"),
        [AdoptionLevel.Province] = new("省级采用", "Province"),
        [AdoptionLevel.National] = new("全国采用", "National"),
        [AdoptionLevel.Instruction] = new("领导批示", "Leader's instruction"),
    };

    internal static readonly IReadOnlyDictionary<ReportState, Localized> ActionLabels = new Dictionary<ReportState, Localized>
    {
        [ReportState.Accepted] = new("通过", "Accept"),
        [ReportState.Returned] = new("退回", "Return"),
        [ReportState.Forwarded] = new("报送", "Forward"),
        [ReportState.Replied] = new("记录反馈", "Record reply"),
        [ReportState.Adopted] = new("记录采用", "Record adoption"),
        [ReportState.Closed] = new("办结", "Close"),
    };

    private static readonly Dictionary<string, string[]> AliasTable = new()
    {
        ["Submitted"] = new[] { "提交", "已提交", "待审" },
        ["Accepted"] = new[] { "通过", "受理", "已受理", "审核通过" },
        ["Returned"] = new[] { "退回" },
        ["Forwarded"] = new[] { "报送", "转送", "转办" },
        ["Replied"] = new[] { "反馈", "办理反馈", "答复" },
        ["Adopted"] = new[] { "采用", "采纳" },
        ["Closed"] = new[] { "办结", "关闭", "结束" },
        ["District"] = new[] { "区级", "区" },
        ["City"] = new[] { "市级", "市" },
        ["Province"] = new[] { "省级", "省" },
        ["National"] = new[] { "全国", "国家级", "全国级" },
        ["Instruction"] = new[] { "批示", "领导批示" },
    };

    internal static IReadOnlyCollection<string> Aliases<T>(T key) where T : struct, Enum
        => AliasTable.GetValueOrDefault(key.ToString()) ?? Array.Empty<string>();

    /// <summary>Label of a kind.</summary>
    public static Localized Label(this ReportKind kind) => kind == ReportKind.Report ? KindReport : KindSuggestion;

    /// <summary>Label of a state.</summary>
    public static Localized Label(this ReportState state) => StateLabels[state];

    /// <summary>Label of a level.</summary>
    public static Localized Label(this AdoptionLevel level) => LevelLabels[level];

    // Fields and validation
    private static readonly Dictionary<string, Localized> FieldLabels = new(StringComparer.Ordinal)
    {
        ["kind"] = new("类型", "Kind"),
        ["category"] = new("类别", "Category"),
        ["title"] = new("标题（案由）", "Title"),
        ["content"] = new("基本情况", "Situation"),
        ["analysis"] = new("问题分析", "Analysis"),
        ["suggestion"] = new("意见建议", "Suggestion"),
        ["location"] = new("地点", "Location"),
        ["anonymous"] = new("是否匿名", "Anonymous"),
        ["contactName"] = new("联系人", "Contact name"),
        ["contactPhone"] = new("联系电话", "Contact phone"),
        ["ref"] = new("编号", "Reference"),
        ["coAuthors"] = new("联名委员", "Co-authors"),
        ["to"] = new("目标状态", "Target state"),
        ["note"] = new("说明", "Note"),
        ["department"] = new("报送单位", "Department"),
        ["level"] = new("采用级别", "Adoption level"),
    };

    internal static Localized FieldLabel(string field) => FieldLabels.GetValueOrDefault(field) ?? new Localized(field, field);

    internal static readonly Localized FixFields = new("以下内容需要修改，本次没有保存任何内容：", "Please fix the following; nothing was saved:");
    internal static readonly Localized Required = new("不能为空", "is required");
    /// <summary>"共 N 字，超过 M 字的上限".</summary>
    public static Localized TooLong(int length, int max)
        => new($"共 {length} 字，超过 {max} 字的上限，请精简后重新填写（不会自动截断）", $"has {length} characters, more than the {max} allowed; please shorten it (nothing is cut off)");
    internal static Localized BodyTooLong(int length, int max)
        => new($"基本情况、问题分析和意见建议合计 {length} 字，超过 {max} 字的上限，请精简", $"situation, analysis and suggestion have {length} characters together, more than the {max} allowed; please shorten them");
    internal static Localized BadCategory(ReportRules rules)
        => new("请从以下类别中选择：" + string.Join("、", rules.Categories), "please choose one of: " + string.Join(", ", rules.Categories));
    internal static readonly Localized BadPhone = new("请填写有效的手机号（如 13800138000）或带区号的固定电话（如 010-62345678）",
        "please give a valid mobile number (e.g. 13800138000) or a landline with area code (e.g. 010-62345678)");
    internal static readonly Localized BadKind = new("请填写 report（社情民意信息）或 suggestion（建议）", "must be report or suggestion");
    internal static readonly Localized BadAnonymous = new("请填写 true 或 false", "must be true or false");
    internal static readonly Localized BadState = new("请填写 accepted、returned、forwarded、replied、adopted 或 closed",
        "must be accepted, returned, forwarded, replied, adopted or closed");
    internal static readonly Localized ReasonRequired = new("退回时必须填写退回原因", "a reason is required to return a report");
    internal static readonly Localized DepartmentRequired = new("报送时必须填写报送单位", "the department is required to forward a report");
    internal static readonly Localized ReplyRequired = new("请填写部门的办理反馈", "the department's reply is required");
    internal static readonly Localized LevelRequired = new("请填写采用级别：区级、市级、省级、全国或领导批示（district/city/province/national/instruction）",
        "the level is required: district, city, province, national or instruction");

    // Dialog questions
    internal static readonly Localized AskCategory = new("请选择信息类别：", "Choose a category:");
    internal static Localized AskTitle(int max) => new($"请输入标题（案由），一句话概括反映的问题，不超过 {max} 字：", $"Title: the issue in one line ({max} characters at most):");
    internal static Localized AskSituation(int max) => new($"请介绍基本情况（基本情况、问题分析、意见建议三部分合计不超过 {max} 字）：",
        $"Describe the situation (situation, analysis and suggestion together at most {max} characters):");
    internal static readonly Localized AskAnalysis = new("请写出问题分析：", "Your analysis of the problem:");
    internal static readonly Localized AskSuggestion = new("请提出意见建议：", "Your suggestion:");
    internal static Localized AskSuggestionContent(int max) => new($"请写下您的建议（情况和建议，不超过 {max} 字）：", $"Your suggestion (situation and proposal, at most {max} characters):");
    internal static readonly Localized AskLocation = new("涉及的地点（可选，输入“无”跳过）：", "Location (optional, type \"none\" to skip):");
    internal static readonly Localized AskAnonymous = new("是否匿名提交？匿名提交无需留下联系方式。", "Submit anonymously? Then no contact details are needed.");
    internal static readonly Localized AskContactName = new("请留下您的称呼（仅工作人员可见）：", "Your name (seen by staff only):");
    internal static readonly Localized AskContactPhone = new("请留下联系电话（仅工作人员可见）：", "Your phone number (seen by staff only):");
    internal static readonly Localized AskConfirm = new("确认提交吗？", "Submit it now?");
    internal static readonly Localized Submit = new("提交", "Submit");
    internal static readonly Localized Resubmit = new("重新提交", "Resubmit");
    internal static readonly Localized NotNow = new("暂不提交", "Not now");
    internal static readonly Localized RevisingForm = new("请修改被退回的 {0} 后点“重新提交”。退回原因：{1}", "Revise the returned {0}, then press \"Resubmit\". Reason given: {1}");
    /// <summary>What a card input shows when a required field is left empty.</summary>
    internal static Localized FillIn(string field) => new($"请填写{FieldLabel(field).Zh}", $"{FieldLabel(field).En} is required");
    internal static Localized MaxLengthHint(int max) => new($"不超过 {max} 字", $"at most {max} characters");
    internal static readonly Localized NotSubmitted = new("已取消提交，没有保存任何内容。", "Not submitted; nothing was saved.");
    internal static readonly Localized SummaryTitle = new("请核对提交内容", "Please check what you are submitting");
    internal static readonly Localized SimilarHeader = new("提交前请留意，已有以下相似的信息：", "Please note these similar earlier reports:");
    internal static readonly Localized FiledSimilarHeader = new("供参考，已有以下相似的信息（本篇已照常提交）：", "For reference, these similar earlier reports exist (yours was filed all the same):");
    internal static readonly Localized StaffSimilarHeader = new("相似的早前信息：", "Similar earlier reports:");
    internal static readonly Localized RevisingIntro = new("请重新填写被退回的 {0}。", "Please revise the returned {0}.");
    internal static readonly string[] SkipWords = { "无", "没有", "跳过", "略", "skip", "none", "no", "-" };

    // Filing outcomes
    internal static readonly Localized FiledReport = new("已提交，编号 {0}。工作人员审核后会通知您，也可以随时发送“查询 {0}”查看进度。\n\n有照片或材料？24 小时内在此发送图片或文件即可附加到这一篇（最多 5 个，每个不超过 10 MB）。",
        "Submitted as {0}. You will be told when staff review it; send \"status {0}\" at any time.\n\nPhotos or documents? Send them here within 24 hours to attach them (up to 5, 10 MB each).");
    internal static readonly Localized FiledWithCode = new(
        "已提交，编号 {0}，查询码 {1}。\n\n请妥善保存查询码（只显示这一次），发送“查询 {0} {1}”可查看办理进度。",
        "Submitted as {0}, access code {1}.\n\nKeep the code (it is shown only once); send \"status {0} {1}\" to follow it.");
    internal static readonly Localized Resubmitted = new("已重新提交 {0}，等待审核。", "{0} was resubmitted and waits for review.");
    internal static readonly Localized RateLimited = new("提交过于频繁，请稍后再试。本次内容没有保存。", "Too many submissions; please try again later. Nothing was saved.");
    internal static readonly Localized Duplicate = new("您刚刚已提交过内容几乎相同的信息（{0}），无需重复提交。本次内容没有保存。",
        "You just submitted almost the same text ({0}); nothing was saved this time.");
    internal static readonly Localized DuplicateOfOthers = new("内容几乎相同的建议近期已有人提交，工作人员会一并办理。本次内容没有保存；如有不同情况，请补充细节后再提交。",
        "Almost the same suggestion was submitted recently and staff will handle it; nothing was saved this time. If your case differs, add its details and submit again.");
    internal static readonly Localized CannotRevise = new("只能重新提交本人被退回的信息。请发送“我的社情民意”查看。",
        "Only your own returned reports can be resubmitted. Send \"my reports\" to see them.");
    /// <summary>Opinion reports are for members.</summary>
    public static readonly Localized MembersOnly = new("社情民意信息由政协委员在 Teams 中提交；社会公众请发送“建议”提出意见建议。",
        "Opinion reports are filed by members in Teams; please send \"suggest\" to make a suggestion.");

    // Queries
    internal static readonly Localized NotFoundOrWrongCode = new("没有找到该编号的信息，或查询码不正确。请核对后重试。",
        "No report with that reference, or the access code is wrong. Please check and try again.");
    internal static readonly Localized StatusUsage = new("请发送“查询 编号 [查询码]”，例如：查询 JY-2026-000001 AB12CD34",
        "Send \"status <reference> [code]\", e.g. status JY-2026-000001 AB12CD34");
    internal static readonly Localized MemberStatusUsage = new("请发送“查询 编号”，例如：查询 SQ-2026-000001。发送“我的社情民意”可查看您提交的全部信息。",
        "Send \"status <reference>\", e.g. status SQ-2026-000001. Send \"my reports\" for everything you filed.");
    internal static readonly Localized MemberNotFound = new("没有找到该编号的信息，或它不是您提交的。请核对编号，或发送“我的社情民意”查看。",
        "No report of yours has that reference. Please check it, or send \"my reports\".");
    internal static readonly Localized NoneOwn = new("您还没有提交过社情民意信息或建议。发送“社情民意”或“建议”开始提交。",
        "You have not filed anything yet. Send \"report\" or \"suggest\" to start.");
    internal static readonly Localized OwnHeader = new("您提交的信息（最近 {0} 条）：", "Your reports (latest {0}):");
    internal static readonly Localized PublicOwn = new("社会公众请使用编号和查询码查询：查询 编号 查询码", "Please use your reference and access code: status <reference> <code>");
    internal static readonly Localized StatusLine = new("状态：{0}", "State: {0}");
    internal static readonly Localized SubmittedAtLine = new("提交时间：{0}", "Submitted: {0}");
    internal static readonly Localized HistoryHeader = new("办理记录：", "History:");
    internal static readonly Localized AuthorLabel = new("提交人：{0}", "Author: {0}");
    /// <summary>"匿名".</summary>
    public static readonly Localized Anonymous = new("匿名", "anonymous");
    internal static readonly Localized SectorLabel = new("界别：{0}", "Sector: {0}");
    internal static readonly Localized DepartmentLabel = new("报送单位：{0}", "Department: {0}");
    internal static readonly Localized LevelLabel = new("采用级别：{0}", "Adoption: {0}");
    internal static readonly Localized ActorAuthor = new("提交人", "author");
    internal static readonly Localized ActorStaff = new("工作人员", "staff");

    // Staff
    internal static readonly Localized TriageTitle = new("社情民意信息列表", "Reports");
    internal static readonly Localized TriageFilter = new("状态：{0}　类别：{1}　第 {2}/{3} 页，共 {4} 条", "State: {0}  Category: {1}  page {2}/{3}, {4} in all");
    internal static readonly Localized All = new("全部", "all");
    internal static readonly Localized NothingListed = new("没有符合条件的信息。", "Nothing matches.");
    internal static readonly Localized PreviousPage = new("上一页", "Previous");
    internal static readonly Localized NextPage = new("下一页", "Next");
    internal static readonly Localized Open = new("查看", "Open");
    internal static readonly Localized Apply = new("确定", "Apply");
    internal static readonly Localized NoteInput = new("说明（退回原因 / 办理反馈 / 备注）", "Note (reason / reply / remark)");
    internal static readonly Localized DepartmentInput = new("报送单位", "Department");
    internal static readonly Localized LevelInput = new("采用级别", "Adoption level");
    internal static readonly Localized NoMoreActions = new("该信息已办结，没有可执行的操作。", "This report is closed; no actions left.");
    internal static readonly Localized Moved = new("已将 {0} 更新为“{1}”。", "{0} is now \"{1}\".");
    internal static readonly Localized MovedNotNotified = new("提交人目前无法接收消息，将在其查询时看到。", "The author cannot be messaged now and will see it when they check.");
    internal static readonly Localized UnknownReference = new("没有找到编号 {0}。", "There is no report {0}.");
    internal static readonly Localized IllegalMove = new("{0} 当前为“{1}”，不能改为“{2}”。{3}", "{0} is \"{1}\" and cannot become \"{2}\". {3}");
    internal static readonly Localized AllowedMoves = new("当前可执行：{0}", "Allowed now: {0}");
    internal static readonly Localized ResubmittedNotice = new("退回的{0}已重新提交：{1}（{2}）。发送“查询 {1}”查看修改后的内容并审核。",
        "Returned {0} resubmitted: {1} ({2}). Send \"status {1}\" to review the revision.");
    /// <summary>How a history step from 已退回 back to 待审核 is shown: the author resubmitted it.</summary>
    internal static readonly Localized ResubmittedStep = new("重新提交", "Resubmitted");
    internal static readonly Localized NewReportNotice = new("收到新的{0}：{1}（{2}）。发送“查询 {1}”查看并审核。", "New {0}: {1} ({2}). Send \"status {1}\" to review it.");
    internal static readonly Localized AuthorNotice = new("您的{0} {1} 状态已更新为“{2}”。", "Your {0} {1} is now \"{2}\".");
    internal static readonly Localized AuthorNoticeNote = new("说明：{0}", "Note: {0}");
    internal static readonly Localized AuthorNoticeFollow = new("发送“查询 {0}”查看详情。", "Send \"status {0}\" for details.");
    internal static readonly Localized AuthorNoticeFollowWithCode = new("发送“查询 {0} 查询码”查看详情。", "Send \"status {0} <code>\" for details.");

    // Sectors and statistics
    internal static readonly Localized SectorSaved = new("已将界别设置为“{0}”。", "Sector set to \"{0}\".");
    internal static Localized SectorUnknown(ReportRules rules) => new("没有这个界别。可选：" + string.Join("、", rules.Sectors), "Unknown sector. Choose one of: " + string.Join(", ", rules.Sectors));
    internal static readonly Localized SectorUsage = new("请发送“界别 名称”，例如：界别 民盟（工作人员：界别 编号 名称）", "Send \"sector <name>\" (staff: \"sector <reference> <name>\")");
    internal static readonly Localized StatsTitle = new("社情民意统计 {0}", "Report statistics {0}");
    internal static readonly Localized StatsLine = new("委员 {0} 人报送 {1} 篇：通过 {2}，报送 {3}，采用 {4}（区级 {5}，市级 {6}，省级 {7}，全国 {8}，批示 {9}）；公众建议 {10} 条。",
        "{0} members filed {1}: accepted {2}, forwarded {3}, adopted {4} (district {5}, city {6}, province {7}, national {8}, instructions {9}); public suggestions {10}.");
    internal static readonly Localized StatsMemberLine = new("{0}（{1}）：报送 {2}，通过 {3}，报送上级 {4}，采用 {5}", "{0} ({1}): filed {2}, accepted {3}, forwarded {4}, adopted {5}");
    internal static readonly Localized DownloadCsv = new("下载 CSV", "Download CSV");
    internal static readonly Localized DownloadExcel = new("下载 Excel", "Download Excel");
    internal static readonly Localized LinksExpire = new("下载链接仅限工作人员使用，{0} 前有效。", "The links work for staff only, until {0}.");
    internal static readonly Localized BadPeriod = new("时间范围格式：统计 2026 / 统计 2026-03 / 统计 2026-01-01 2026-06-30",
        "Period: stats 2026 / stats 2026-03 / stats 2026-01-01 2026-06-30");
    /// <summary>Shown for members whose sector is not set (exports are in Chinese).</summary>
    public static readonly Localized NoSector = new("未填写", "not set");

    /// <summary>Column headers of the assessment export (CSV and Excel), Chinese as the committee files them.</summary>
    public static IReadOnlyList<string> ExportColumns { get; } = new[]
    {
        "类型", "委员/界别", "界别", "报送篇数", "审核通过", "报送上级", "采用合计", "区级采用", "市级采用", "省级采用", "全国采用", "领导批示",
    };

    /// <summary>Row kinds of the export.</summary>
    public static readonly Localized ExportMemberRow = new("委员", "member");

    /// <summary>Row kinds of the export.</summary>
    public static readonly Localized ExportSectorRow = new("界别", "sector");

    /// <summary>Row kinds of the export.</summary>
    public static readonly Localized ExportSuggestionRow = new("公众建议", "public suggestions");

    /// <summary>Sheet names of the Excel export.</summary>
    public static readonly Localized ExportSheet = new("社情民意统计", "Statistics");

    // Menu
    internal static readonly Localized MenuReport = new("提交社情民意", "File a report");
    internal static readonly Localized MenuSuggest = new("提出建议", "Make a suggestion");
    internal static readonly Localized MenuMine = new("我的社情民意", "My reports");
    internal static readonly Localized MenuTriage = new("社情民意待办", "Report triage");
    internal static readonly Localized MenuStats = new("履职统计导出", "Statistics export");
    internal static readonly Localized MenuStatus = new("查询办理进度", "Check progress");
    internal static readonly Localized MenuForm = new("社情民意表单", "Report form");
}
