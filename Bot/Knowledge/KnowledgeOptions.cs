namespace Cppcc.Bot.Knowledge;

/// <summary>Where the curated knowledge base lives (<c>KnowledgeBase:Path</c>, docs/contract.md, Configuration keys) and how sure an answer must be.</summary>
public sealed class KnowledgeOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "KnowledgeBase";

    /// <summary>Folder of KB files; relative paths are under the content root.</summary>
    public string Path { get; set; } = "kb";

    /// <summary>Reload when a file in the folder changes (FileSystemWatcher).</summary>
    public bool WatchFiles { get; set; } = true;

    /// <summary>
    /// Confidence (0..1) that answers on its own. Empty (the default): measured for each KB when it loads (see
    /// KnowledgeCalibration in Retrieval/), so a KB written by another office needs no retuning. Set it only to pin the
    /// bot to a number measured with the benchmark (Tests/Benchmarks/Knowledge) on that KB.
    /// </summary>
    public double? AnswerThreshold { get; set; }

    /// <summary>
    /// Least confidence of a best entry that is offered under "您是不是想问" when it is not answered; below it the bot
    /// just says it has no answer. Empty (the default): measured per KB at load.
    /// </summary>
    public double? SuggestThreshold { get; set; }

    /// <summary>
    /// When the runner-up is this close to the best one in the final order (confidence blended with BM25) and also above
    /// the answer threshold, the user picks instead of the bot guessing.
    /// </summary>
    public double CloseMargin { get; set; } = 0.03;

    /// <summary>
    /// A short follow-up ("那需要多久？") within two questions of an answer is read against that answer's related entries
    /// first; the best of them is the answer when its confidence reaches this and no plain answer is surer. Empty (the
    /// default): the KB's own "您是不是想问" level measured at load, since among the few entries the previous answer points
    /// to, one this KB would offer as near is enough.
    /// </summary>
    public double? FollowUpThreshold { get; set; }

    /// <summary>
    /// Questions one caller may pass to staff within <see cref="HandOffWindow"/>, counted per user and per client
    /// address: every ticket is a card in every staff member's chat. Staff are not limited.
    /// </summary>
    public int HandOffLimit { get; set; } = 5;

    /// <summary>The sliding window of <see cref="HandOffLimit"/>.</summary>
    public TimeSpan HandOffWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Folder for YAML exports (staff command <c>知识库 导出</c>); relative paths are under the content root.</summary>
    public string ExportPath { get; set; } = "data/kb-export";
}
