using Cppcc.Dialogs.Framework;

namespace Cppcc.Dialogs.SmallTalk;

/// <summary>What people say that is not a question (zh-CN first), and the bot's short replies to it.</summary>
internal static class SmallTalkTexts
{
    // Whole messages only, compared without punctuation, spaces or case: "你好，提案怎么写" is a question, not a greeting.
    public static readonly IReadOnlyDictionary<SmallTalkKind, string[]> Phrases = new Dictionary<SmallTalkKind, string[]>
    {
        [SmallTalkKind.Greeting] = ["你好", "您好", "你好啊", "您好啊", "你们好", "大家好", "嗨", "哈喽", "在吗", "在不在", "早上好", "上午好", "中午好",
            "下午好", "晚上好", "早", "早安", "hello", "hi", "hey", "good morning", "good afternoon", "good evening"],
        [SmallTalkKind.Thanks] = ["谢谢", "谢谢你", "谢谢您", "多谢", "感谢", "非常感谢", "谢啦", "好的谢谢", "好谢谢", "知道了谢谢", "谢谢啦", "thanks",
            "thank you", "thx"],
        [SmallTalkKind.Goodbye] = ["再见", "拜拜", "拜", "再会", "回头见", "下次见", "bye", "goodbye", "bye bye", "see you"],
        [SmallTalkKind.WhoAreYou] = ["你是谁", "您是谁", "你是什么", "你叫什么", "你叫什么名字", "你是机器人吗", "你是人还是机器人", "who are you",
            "what are you"],
        [SmallTalkKind.WhatCanYouDo] = ["你能做什么", "你会什么", "你会做什么", "你能干什么", "你能干啥", "你有什么功能", "你可以做什么", "你能帮我做什么",
            "你能帮我干什么", "what can you do"],
        [SmallTalkKind.Human] = ["人工", "转人工", "人工服务", "人工客服", "找人工", "我要人工", "我要转人工", "转人工服务", "真人", "找工作人员",
            "我要找工作人员", "human", "agent", "talk to a human", "talk to staff"],
        // A one-word "好的" found a passage that happens to say "好" and was answered with it.
        [SmallTalkKind.Acknowledgement] = ["好", "好的", "好吧", "好滴", "好嘞", "好哒", "嗯", "嗯嗯", "哦", "哦哦", "噢", "喔", "行", "行吧", "可以",
            "没问题", "收到", "知道了", "明白", "明白了", "了解", "懂了", "ok", "okay", "ok了", "哈哈", "哈哈哈", "呵呵", "嘿嘿", "got it", "i see"],
        // "不行" and "然后呢" were answered with passages that happen to say 行 or 然后.
        [SmallTalkKind.Dissatisfied] = ["不行", "不对", "不对吧", "不是", "不是这个", "不是这个意思", "没用", "没有用", "错了", "说错了", "你说错了",
            "你说的不对", "答非所问", "不满意", "看不懂", "没看懂", "听不懂", "不明白", "没明白", "不懂", "wrong", "not helpful", "useless",
            "thats wrong", "that is wrong"],
    };

    public static readonly Localized Greeting = new("您好！请直接输入您的问题，或输入“菜单”查看可用功能。",
        "Hello! Type your question, or \"menu\" to see what I can do.");
    public static readonly Localized Thanks = new("不客气！还有问题随时问我。", "You're welcome! Ask me anything else any time.");
    public static readonly Localized Acknowledgement = new("好的。还有问题随时问我，输入“菜单”可以查看可用功能。",
        "OK. Ask me anything else any time, or type \"menu\" to see what I can do.");
    public static readonly Localized Dissatisfied = new(
        "抱歉，没能帮上忙。您可以换个说法再问，把想了解的事写具体一些；也可以点“转交工作人员”，请工作人员来答复。",
        "Sorry that did not help. Try asking in other words, or tap \"Ask staff\" to have the committee's staff answer.");
    public static readonly Localized DissatisfiedRequest = new("（对回答不满意）{0}", "(not satisfied with the answer) {0}");
    public static readonly Localized Unclear = new("没太明白您的意思。请用一句话写下您的问题，或输入“菜单”查看可用功能。",
        "I did not quite get that. Type your question in a sentence, or \"menu\" to see what I can do.");
    public static readonly Localized Goodbye = new("再见！有需要随时找我。", "Goodbye! I'm here whenever you need me.");
    public static readonly Localized WhoAreYou = new(
        "我是区政协的智能助手：解答政协工作和履职的常见问题（注明出处），帮您提交意见建议和社情民意信息、查询办理进度、提醒学习安排。输入“菜单”查看您能用的功能。",
        "I am the District CPPCC assistant: I answer common questions about the committee's work (with sources), help you send suggestions and opinion reports, follow their progress, and remind you of study sessions. Type \"menu\" to see what you can use.");
    public static readonly Localized WhatCanYouDo = new("我能做的事如下，点按钮即可开始；也可以直接输入问题。", "Here is what I can do; tap a button, or just type a question.");
    public static readonly Localized Human = new(
        "可以转交区政协工作人员，答复会发到这个对话里。请直接写下您的问题，我先查一查；也可以点“转交工作人员”，请工作人员来联系您。",
        "I can pass you to the committee's staff; their reply will come to this conversation. Type your question and I will look it up first, or tap \"Ask staff\" to have staff contact you.");
    public static readonly Localized HumanRequest = new("（请求人工服务）{0}", "(asked for a person) {0}");
}
