using Microsoft.Extensions.Options;

namespace Cppcc.Bot.Knowledge;

/// <summary>
/// Reloads the knowledge base when a file in the KB folder changes, without a restart. Editors save
/// in bursts (temp file, rename, attribute change), so changes are gathered for a short quiet period first.
/// </summary>
public sealed class KnowledgeFileWatcher(KnowledgeBase knowledge, IOptions<KnowledgeOptions> options, TimeProvider time,
    ILogger<KnowledgeFileWatcher> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(500);

    private readonly KnowledgeOptions _options = options.Value;
    private FileSystemWatcher? _watcher;
    private ITimer? _timer;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_options.WatchFiles || !Directory.Exists(knowledge.Folder))
        {
            return Task.CompletedTask;
        }

        _timer = time.CreateTimer(_ => Reload(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _watcher = new FileSystemWatcher(knowledge.Folder)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.DirectoryName,
        };
        _watcher.Changed += OnChange;
        _watcher.Created += OnChange;
        _watcher.Deleted += OnChange;
        _watcher.Renamed += OnChange;
        _watcher.EnableRaisingEvents = true;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (_watcher is not null)
        {
            _watcher.EnableRaisingEvents = false;
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _watcher?.Dispose();
        _timer?.Dispose();
    }

    private void OnChange(object sender, FileSystemEventArgs e)
    {
        if (IsKnowledgeFile(e.FullPath) || e is RenamedEventArgs r && IsKnowledgeFile(r.OldFullPath))
        {
            _timer?.Change(QuietPeriod, Timeout.InfiniteTimeSpan);
        }
    }

    private static bool IsKnowledgeFile(string path) =>
        path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".md", StringComparison.OrdinalIgnoreCase);

    private void Reload()
    {
        try
        {
            knowledge.Reload();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file still being written: the next change event reloads again.
            logger.LogWarning(e, "Knowledge base reload after a file change failed");
        }
    }
}
