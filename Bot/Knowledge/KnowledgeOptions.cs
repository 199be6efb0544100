namespace Cppcc.Bot.Knowledge;

/// <summary>Where the curated knowledge base lives (contract key <c>KnowledgeBase:Path</c>).</summary>
public sealed class KnowledgeOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "KnowledgeBase";

    /// <summary>Folder of KB files; relative paths are under the content root.</summary>
    public string Path { get; set; } = "kb";
}
