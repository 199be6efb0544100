namespace Cppcc.Bot.Knowledge.Retrieval;

/// <summary>
/// Questions no knowledge base of a CPPCC committee answers: everyday life, chit-chat, general knowledge. At load the
/// index asks them to itself to learn how high a score can climb on words that merely happen to occur in this KB
/// (see <see cref="KnowledgeCalibration"/>). Written for that purpose only, never taken from an evaluation set.
/// </summary>
public static class OffTopicProbes
{
    public static readonly IReadOnlyList<string> Questions =
    [
        "今天天气怎么样", "明天会下雨吗", "附近有什么好吃的饭店", "火车票怎么买", "帮我订一张去北京的机票", "讲个笑话",
        "股票明天会涨吗", "怎么减肥最快", "孩子发烧了怎么办", "手机屏幕碎了去哪修", "推荐一部好看的电影", "红烧肉怎么做",
        "世界上最高的山是哪座", "一加一等于几", "现在几点了", "你喜欢什么颜色", "最近有什么新闻", "昨晚的足球比赛谁赢了",
        "怎么学好英语", "汽车多久保养一次", "电脑开不了机怎么办", "小狗怎么训练", "房价明年会跌吗", "快递丢了找谁",
        "信用卡怎么申请", "周末去哪里玩比较好", "绿萝怎么养", "家里wifi密码忘了", "高考志愿怎么填", "医保卡丢了怎么补办",
        "公积金怎么提取", "驾照到期了怎么换", "个人所得税怎么退", "小区停车位怎么收费", "狗证在哪里办", "养老金什么时候涨",
        "how is the weather today", "tell me a joke",
    ];
}
