namespace Cppcc.Bot.AI;

/// <summary>Optional Azure OpenAI (contract keys <c>AzureOpenAI:*</c>); everything works without it.</summary>
public sealed class AzureOpenAIOptions
{
    /// <summary>Configuration section.</summary>
    public const string Section = "AzureOpenAI";

    /// <summary>Resource endpoint, e.g. <c>https://NAME.openai.azure.com/</c>.</summary>
    public string Endpoint { get; set; } = "";

    /// <summary>API key (environment variable or App Service setting, never appsettings.json).</summary>
    public string ApiKey { get; set; } = "";

    /// <summary>Chat deployment used to phrase KB answers.</summary>
    public string ChatDeployment { get; set; } = "";

    /// <summary>Embedding deployment: with it, KB retrieval blends embedding similarity with the words (hybrid retrieval).</summary>
    public string EmbeddingDeployment { get; set; } = "";

    /// <summary>How long a user waits for the model before the plain KB answer goes out.</summary>
    public double TimeoutSeconds { get; set; } = 8;

    /// <summary>How long a question waits for its embedding before words alone decide (a batch at load gets ten times this).</summary>
    public double EmbeddingTimeoutSeconds { get; set; } = 2;

    /// <summary>True when endpoint, key and embedding deployment are all set.</summary>
    public bool EmbeddingConfigured => Endpoint.Length > 0 && ApiKey.Length > 0 && EmbeddingDeployment.Length > 0;

    /// <summary>True when endpoint, key and chat deployment are all set.</summary>
    public bool ChatConfigured => Endpoint.Length > 0 && ApiKey.Length > 0 && ChatDeployment.Length > 0;
}
