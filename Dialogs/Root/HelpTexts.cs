using Cppcc.Dialogs.Framework;

namespace Cppcc.Dialogs.Root;

/// <summary>The help card's texts per role: what the bot does, examples to type, and how to reach staff (zh-CN first).</summary>
internal static class HelpTexts
{
    public static readonly Localized Title = new("帮助", "Help");
    public static readonly Localized WhatHeader = new("我能为您做什么", "What I can do for you");
    public static readonly Localized ExamplesHeader = new("试着发送", "Try sending");
    public static readonly Localized StaffHeader = new("联系工作人员", "Reaching staff");
    public static readonly Localized MenuButton = new("打开菜单", "Open the menu");

    public static readonly Localized PublicWhat = new(
        "- 向区政协提出意见建议，可以匿名，联系方式只有工作人员能看到\n- 凭编号和查询码查看建议的办理进度\n- 解答区政协工作的常见问题，并注明出处",
        "- Send the committee a suggestion, anonymously if you like; only staff see your contact details\n- Follow it with its reference and access code\n- Answer common questions about the committee's work, with the source");
    public static readonly Localized PublicExamples = new(
        "- 建议\n- 查询 JY-2026-000001 查询码\n- 区政协是做什么的？",
        "- suggest\n- status JY-2026-000001 <access code>\n- What does the district CPPCC do?");

    public static readonly Localized MemberWhat = new(
        "- 撰写和提交社情民意信息，跟踪审核、报送、采用的每一步\n- 查看自己的履职记录和积分\n- 提醒学习安排，一键回复出席或请假\n- 解答履职和政策问题，并注明出处",
        "- Write and file opinion reports and follow each step: review, forwarding, adoption\n- See your duty record and points\n- Remind you of study sessions; reply attend or absent in one click\n- Answer questions about your duties and policies, with the source");
    public static readonly Localized MemberExamples = new(
        "- 社情民意（开始写一篇）\n- 我的社情民意\n- 查询 SQ-2026-000001\n- 学习安排\n- 我的履职\n- 社情民意信息怎么写？",
        "- report (start one)\n- my reports\n- status SQ-2026-000001\n- sessions\n- my record\n- How do I write an opinion report?");

    public static readonly Localized StaffWhat = new(
        "- 审核社情民意和建议：通过、退回、报送、记录反馈和采用\n- 安排学习、查看出席情况\n- 向委员发送通知并查看逐人送达结果\n- 维护知识库，答复转交的问题",
        "- Review reports and suggestions: accept, return, forward, record replies and adoption\n- Schedule study sessions and see attendance\n- Send members notices and see per-person delivery\n- Curate the knowledge base and answer passed-on questions");
    public static readonly Localized StaffExamples = new(
        "- 待办\n- 安排学习\n- 出席情况 <学习编号>\n- 通知\n- 统计\n- 知识库 未解答\n- 操作记录",
        "- triage\n- new session\n- attendance <session id>\n- broadcast\n- stats\n- the knowledge base's unanswered list (知识库 未解答)\n- audit");

    public static readonly Localized ReachStaff = new(
        "知识库答不上来时，点“转交工作人员”，工作人员的答复会发到这里。随时输入“菜单”查看功能，“取消”退出当前流程，“English”切换为英文。",
        "When the knowledge base has no answer, press \"Ask staff\"; their reply comes back here. Type \"menu\" for the menu, \"cancel\" to leave a step, \"中文\" for Chinese.");
    public static readonly Localized StaffReach = new(
        "委员和公众转交的问题在“知识库 未解答”中。随时输入“菜单”查看功能，“取消”退出当前流程。",
        "Questions passed on by members and the public wait in the unanswered list (知识库 未解答). Type \"menu\" for the menu, \"cancel\" to leave a step.");
}
