using Cppcc.Dialogs.Framework;

namespace Cppcc.Dialogs.Knowledge;

/// <summary>Texts of the knowledge-base conversation (zh-CN first).</summary>
internal static class KnowledgeTexts
{
    public static readonly Localized Source = new("来源：{0}", "Source: {0}");
    public static readonly Localized NoAnswer = new(
        "抱歉，知识库中暂时没有这个问题的可靠答案。您可以换个说法再问，或点“转交工作人员”，工作人员答复后会发到这里。",
        "Sorry, the knowledge base has no reliable answer to this yet. Try rephrasing, or tap \"Ask staff\": their reply will come here.");
    public static readonly Localized Suggest = new(
        "抱歉，知识库中暂时没有这个问题的可靠答案。您是不是想问下面的问题？都不是的话，可以转交工作人员。",
        "Sorry, the knowledge base has no reliable answer to this yet. Did you mean one of these? If not, ask staff.");
    public static readonly Localized Choose = new("找到几条可能的答案，请选择您想问的：", "A few entries may answer this; which one did you mean?");
    public static readonly Localized Related = new("相关问题：", "Related questions:");
    public static readonly Localized Helpful = new("有帮助", "Helpful");
    public static readonly Localized NotHelpful = new("没帮助", "Not helpful");
    public static readonly Localized AskStaff = new("转交工作人员", "Ask staff");
    public static readonly Localized ThanksHelpful = new("谢谢您的反馈！", "Thanks for your feedback!");
    public static readonly Localized ThanksNotHelpful = new(
        "谢谢，我们会改进这条回答。如果问题还没解决，可以转交工作人员。",
        "Thanks, we will improve this answer. If your question is still open, ask staff.");
    public static readonly Localized Gone = new("这条内容已下架或您无权查看。", "This entry was withdrawn or is not available to you.");
    public static readonly Localized HandedOff = new(
        "已转交工作人员（编号 {0}）。工作人员答复后，答案会发到这个对话里。",
        "Passed to staff (ticket {0}). Their answer will come to this conversation.");
    public static readonly Localized HandedOffNoStaff = new(
        "目前没有工作人员在线接收，问题已记录（编号 {0}），工作人员上线后会看到并把答复发到这个对话里。",
        "No staff member is online to receive it right now. Your question is recorded (ticket {0}); staff will see it when they are back and answer here.");
    public static readonly Localized HandOffTooOften = new(
        "您最近转交的问题较多，工作人员正在处理，请稍后再转交。",
        "You have passed on several questions lately; staff are working on them. Please try again later.");
    public static readonly Localized MissingQuestion = new("没有收到要转交的问题，请重新提问。", "No question to pass on; please ask again.");
    public static readonly Localized QuestionTooLong = new("问题太长了，请控制在 {0} 字以内。", "The question is too long; keep it under {0} characters.");
    public static readonly Localized Unhandled = new("这个按钮已失效，请重新提问。", "This button no longer works; please ask again.");
}

/// <summary>Texts of the staff side: handed-off questions and curation commands.</summary>
internal static class KnowledgeStaffTexts
{
    public static readonly Localized TicketTitle = new("群众/委员提问待答复（编号 {0}）", "Question waiting for staff (ticket {0})");
    public static readonly Localized TicketAsker = new("提问人：{0}（{1}）", "Asked by: {0} ({1})");
    public static readonly Localized AnswerLabel = new("答复", "Answer");
    public static readonly Localized AnswerPlaceholder = new("写给提问人的答复", "Your answer to the asker");
    public static readonly Localized ReplyButton = new("答复提问人", "Answer the asker");
    public static readonly Localized PromoteButton = new("加入知识库", "Add to knowledge base");
    public static readonly Localized AudienceFromAsker = new(
        "可见范围已按提问人预设为“{0}”。改为更大的范围前，请确认问题和答案适合让他们看到。",
        "The audience is preset to the asker's, \"{0}\". Before widening it, make sure the question and answer suit those readers.");
    public static readonly Localized AudienceAskerUnknown = new(
        "可见范围预设为“{0}”（这张卡片没有提问人的身份）。改为更大的范围前，请确认问题和答案适合让他们看到。",
        "The audience is preset to \"{0}\" (this card does not say who asked). Before widening it, make sure the question and answer suit those readers.");
    public static readonly Localized ReplyToAsker = new("工作人员答复了您的问题“{0}”：\n\n{1}", "Staff answered your question \"{0}\":\n\n{1}");
    public static readonly Localized ReplyDelivered = new("答复已发送给提问人（编号 {0}）。", "Answer sent to the asker (ticket {0}).");
    public static readonly Localized ReplyUndeliverable = new(
        "答复已保存（编号 {0}），但提问人没有可用的对话，暂时无法送达。",
        "Answer saved (ticket {0}), but the asker has no conversation to send it to.");
    public static readonly Localized UnknownTicket = new("没有编号为 {0} 的转交问题。", "There is no ticket {0}.");
    public static readonly Localized EmptyAnswer = new("请先填写答复内容。", "Please write the answer first.");

    public static readonly Localized Help = new(
        "知识库命令（工作人员）：\n\n- `知识库 未解答`：没答上来的问题（去重计数）\n- `知识库 反馈`：各条目的有帮助/没帮助统计\n" +
        "- `知识库 新增 [问题]`：新增条目\n- `知识库 修改 条目编号`：修改条目\n- `知识库 下架 条目编号`：下架条目\n" +
        "- `知识库 导出`：导出为 YAML\n- `知识库 重新加载`：重新读取知识库文件",
        "Knowledge base commands (staff):\n\n- `kb unanswered`\n- `kb feedback`\n- `kb add [question]`\n- `kb edit <id>`\n- `kb retire <id>`\n- `kb export`\n- `kb reload`");
    public static readonly Localized WaitingNotice = new(
        "有 {0} 个转交的问题在等待答复，发送“知识库 未解答”查看并答复。",
        "{0} passed-on questions are waiting for an answer; send \"kb unanswered\" to see and answer them.");
    public static readonly Localized OpenTicketsTitle = new("以下转交的问题还没有答复，可直接在卡片上答复：", "These passed-on questions have no answer yet; answer them on the cards:");
    public static readonly Localized NoUnanswered = new("目前没有未解答的问题。", "No unanswered questions.");
    public static readonly Localized UnansweredTitle = new("未解答的问题（按次数）：", "Unanswered questions (most asked first):");
    public static readonly Localized UnansweredLine = new("{0}. {1}（{2} 次{3}）", "{0}. {1} ({2} times{3})");
    public static readonly Localized HandedOffMark = new("，已转交", ", passed to staff");
    public static readonly Localized NoFeedback = new("还没有任何反馈。", "No feedback yet.");
    public static readonly Localized FeedbackTitle = new("各条目反馈（有帮助 / 没帮助）：", "Feedback per entry (helpful / not helpful):");
    public static readonly Localized FeedbackLine = new("- {0}：{1} / {2}", "- {0}: {1} / {2}");
    public static readonly Localized UnknownEntry = new("没有编号为 {0} 的问答条目。", "There is no Q&A entry {0}.");
    public static readonly Localized Retired = new("条目 {0} 已下架，不再用于回答。", "Entry {0} was withdrawn.");
    public static readonly Localized Saved = new("条目 {0} 已保存，立即生效。", "Entry {0} saved; it answers from now on.");
    public static readonly Localized NotSaved = new("没有保存：\n\n{0}", "Not saved:\n\n{0}");
    public static readonly Localized BadId = new("条目编号只能用小写字母、数字和连字符（如 study-monthly）",
        "The entry id may only use a-z, 0-9 and - (e.g. study-monthly)");
    public static readonly Localized NoQuestion = new("请至少填写一个问法", "Write at least one question");
    public static readonly Localized NoEntryAnswer = new("请填写答案", "Write the answer");
    public static readonly Localized BadAudience = new("可见范围只能是 public、members 或 staff", "The audience must be public, members or staff");
    public static readonly Localized AnswerTooLong = new("答案最多 {0} 字，请拆成几条", "The answer may be at most {0} characters: split it into several entries");
    public static readonly Localized BadUrl = new("链接应是 http(s) 开头的完整网址", "The link must be a full http(s) address");
    public static readonly Localized UnknownRelated = new("相关条目不存在：{0}", "Related entries not found: {0}");
    public static readonly Localized PassageId = new("这个编号是文档段落，不能作为问答条目编辑", "This id is a passage of a document; it cannot be edited as a Q&A entry");
    public static readonly Localized Exported = new("已导出 {0} 条问答到服务器文件：{1}", "Exported {0} entries to the server file {1}");
    public static readonly Localized Reloaded = new("知识库已重新加载：{0} 条问答和文档段落。", "Knowledge base reloaded: {0} entries and passages.");
    public static readonly Localized ReloadProblems = new("以下文件有问题（其余已正常加载）：", "Problems found (everything else loaded):");
    public static readonly Localized MoreReloadProblems = new("……另有 {0} 个问题，完整列表见服务器日志。", "… and {0} more problems: the server log lists them all.");
    public static readonly Localized EditTitle = new("编辑知识库条目", "Edit knowledge base entry");
    public static readonly Localized FieldId = new("条目编号（小写字母、数字、连字符）", "Entry id (a-z, 0-9, -)");
    public static readonly Localized FieldQuestions = new("问法（每行一个）", "Questions (one per line)");
    public static readonly Localized FieldAnswer = new("答案（支持 Markdown）", "Answer (Markdown)");
    public static readonly Localized FieldSource = new("来源", "Source");
    public static readonly Localized FieldUrl = new("链接", "Link");
    public static readonly Localized FieldAudience = new("可见范围", "Audience");
    public static readonly Localized FieldTags = new("标签（逗号分隔）", "Tags (comma-separated)");
    public static readonly Localized FieldRelated = new("相关条目编号（逗号分隔）", "Related entry ids (comma-separated)");
    public static readonly Localized AudiencePublic = new("公众", "Public");
    public static readonly Localized AudienceMembers = new("委员", "Members");
    public static readonly Localized AudienceStaff = new("工作人员", "Staff");
    public static readonly Localized SaveButton = new("保存", "Save");
}
