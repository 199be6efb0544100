namespace Cppcc.Bot.Knowledge;

/// <summary>Where the curated knowledge base lives (contract key <c>KnowledgeBase:Path</c>) and how sure an answer must be.</summary>
public sealed class KnowledgeOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "KnowledgeBase";

    /// <summary>Folder of KB files; relative paths are under the content root.</summary>
    public string Path { get; set; } = "kb";

    /// <summary>Reload when a file in the folder changes (FileSystemWatcher).</summary>
    public bool WatchFiles { get; set; } = true;

    /// <summary>
    /// Confidence (0..1) needed to answer. Measured on the evaluation set (Tests/Benchmarks/Knowledge): at 0.44 about
    /// 19 in 20 questions the KB cannot answer get "no answer"; lower values answer more but start guessing.
    /// </summary>
    public double AnswerThreshold { get; set; } = 0.50;

    /// <summary>Below the answer threshold but at least this: say "no answer" but list the near entries as buttons.</summary>
    public double SuggestThreshold { get; set; } = 0.14;

    /// <summary>When the runner-up's confidence is this close to the best one, the user picks instead of the bot guessing.</summary>
    public double CloseMargin { get; set; } = 0.05;

    /// <summary>Folder for YAML exports (staff command <c>知识库 导出</c>); relative paths are under the content root.</summary>
    public string ExportPath { get; set; } = "data/kb-export";
}
