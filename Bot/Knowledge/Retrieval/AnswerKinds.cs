using System.Text.RegularExpressions;

namespace Cppcc.Bot.Knowledge.Retrieval;

/// <summary>What kind of fact a question asks for, and which kinds an answer holds.</summary>
[Flags]
public enum AnswerKind
{
    None = 0,

    /// <summary>"多久", "几天", "任期几年": a length of time ("三个月内", "五年").</summary>
    Duration = 1,

    /// <summary>"多少", "几个", "加几分": a count or an amount ("3 件", "两名", "10 分").</summary>
    Amount = 2,

    /// <summary>"什么时候", "哪天", "截止": a point in time ("每年 3 月", "月底前", "会议期间").</summary>
    Moment = 4,

    /// <summary>"什么是", "是什么意思": what a thing is ("政协提案是……", an entry asked "什么是政协提案？").</summary>
    Definition = 8,

    /// <summary>"加几分": points ("加 2 分").</summary>
    Points = 16,

    /// <summary>"写多少字": a length in characters ("1500 字以内").</summary>
    Characters = 32,

    /// <summary>"多少钱": a sum of money ("每千字 80 元").</summary>
    Money = 64,

    /// <summary>"多少岁": an age ("不超过 65 岁").</summary>
    Age = 128,

    /// <summary>"多少人", "几名": a number of people ("10 至 20 人").</summary>
    People = 256,

    /// <summary>"几次": a number of times ("每年至少 4 次").</summary>
    Times = 512,
}

/// <summary>
/// The kind of fact a question asks for is spelled by its question words, which carry no topic and are dropped from the
/// query ("提案多久能得到答复" is searched as 提案 得到 答复). Kept aside, they still tell two entries on one topic
/// apart: the one whose answer gives a length of time answers "多久"; the one about how to appeal does not. The patterns
/// are plain Chinese grammar, the same for any knowledge base.
/// </summary>
public static partial class AnswerKinds
{
    private const string Numeral = "[0-9０-９一二两三四五六七八九十百千半几数多]";

    [GeneratedRegex("多久|多长时间|多长的时间|多少天|几天|几个月|几年|几周|几个工作日|多少年|多少个月|多快|期限多长|时限|期限|任期")]
    private static partial Regex AsksDuration();

    [GeneratedRegex("多少|几个|几名|几次|几分|几项|几件|几条|几人|几位|几篇|几类|几种|几届|多少字|几百|几千|几万")]
    private static partial Regex AsksAmount();

    [GeneratedRegex("什么时候|何时|哪天|哪一天|几号|几月|几点|截止|什么时间|哪个月|哪年|哪一年|什么年份|几几年")]
    private static partial Regex AsksMoment();

    // "社情民意信息是什么" asks what it is; "提案的格式是什么" asks for an attribute of it (the "的"), unless the attribute
    // is the definition itself ("提案的定义是什么").
    [GeneratedRegex("^(请问)?(什么是|啥是|何为|什么叫|啥叫)|^[^的]{1,12}(是什么|是啥|指什么|是指什么|什么意思|啥意思)(东西|意思)?[吗呢啊]?[?？]?$|的(定义|含义|涵义|概念)")]
    private static partial Regex AsksDefinition();

    /// <summary>An answer that opens by saying what something is: "政协提案是……", "社情民意信息是指……".</summary>
    [GeneratedRegex("^[^，,。；;]{1,24}?(是指|就是|指的是|是)")]
    private static partial Regex OpensWithDefinition();

    [GeneratedRegex(Numeral + "+ ?(个)?(工作日|自然日|日|天|周|星期|个月|月|年|小时|分钟)(内|以内|之内|左右|以上)?")]
    private static partial Regex HasDuration();

    [GeneratedRegex(Numeral + "+ ?(件|名|次|分|项|条|人|位|篇|类|种|届|个|字|%|％|万|千|百)")]
    private static partial Regex HasAmount();

    [GeneratedRegex(Numeral + "+ ?(月|日|号|点|时)|每年|每月|每季度|每周|月底|年底|年初|月初|之前|以前|期间|前后|闭会|会前|会后|截止|当天|次日")]
    private static partial Regex HasMoment();

    /// <summary>
    /// The measure words of an amount, and the kind each names. An amount asked in one of these ("能加几分") is answered
    /// only by a number in the same measure: "1500 字以内" does not say how many points an adopted report earns.
    /// </summary>
    private static readonly (string Units, AnswerKind Kind)[] Measures =
    [
        ("分(?!钟)", AnswerKind.Points), ("字", AnswerKind.Characters), ("元|块|钱", AnswerKind.Money), ("岁", AnswerKind.Age),
        ("人|名|位", AnswerKind.People), ("次|回", AnswerKind.Times),
    ];

    private static readonly (Regex Asked, Regex Held, AnswerKind Kind)[] MeasurePatterns = Measures
        .Select(m => (new Regex($"(几|多少)个?({m.Units})", RegexOptions.Compiled), new Regex($"{Numeral}+ ?({m.Units})", RegexOptions.Compiled), m.Kind))
        .ToArray();

    /// <summary>The kinds of fact <paramref name="question"/> (normalized) asks for: none for most questions.</summary>
    public static AnswerKind AskedBy(string question)
    {
        // "几天" asks for a length of time, not for a count of days.
        var asked = Matches(question, (AsksDuration(), AnswerKind.Duration), (AsksMoment(), AnswerKind.Moment), (AsksDefinition(), AnswerKind.Definition));
        return asked.HasFlag(AnswerKind.Duration) ? asked
            : asked | Matches(question, (AsksAmount(), AnswerKind.Amount)) | Matches(question, MeasurePatterns.Select(m => (m.Asked, m.Kind)).ToArray());
    }

    /// <summary>The kinds of fact a heading or question names as its subject: "提案的定义和作用", "社情民意的含义".</summary>
    public static AnswerKind NamedBy(string heading) => NamesDefinition().IsMatch(heading) ? AnswerKind.Definition : AnswerKind.None;

    [GeneratedRegex("定义|含义|涵义|概念|是什么|什么是|简介|性质")]
    private static partial Regex NamesDefinition();

    /// <summary>The kinds of fact <paramref name="answer"/> (normalized) holds.</summary>
    public static AnswerKind HeldBy(string answer)
        // A length of time also answers "几天/几年" asked as an amount, and tells when something ends.
        => Matches(answer, (HasDuration(), AnswerKind.Duration | AnswerKind.Amount | AnswerKind.Moment), (HasAmount(), AnswerKind.Amount),
            (HasMoment(), AnswerKind.Moment), (OpensWithDefinition(), AnswerKind.Definition))
            | Matches(answer, MeasurePatterns.Select(m => (m.Held, m.Kind)).ToArray());

    private static AnswerKind Matches(string text, params (Regex Pattern, AnswerKind Kind)[] patterns)
        => patterns.Where(p => p.Pattern.IsMatch(text)).Aggregate(AnswerKind.None, (kinds, p) => kinds | p.Kind);
}
