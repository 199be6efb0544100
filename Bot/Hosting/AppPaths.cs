namespace Cppcc.Bot.Hosting;

/// <summary>Resolves configured relative paths (data file, knowledge base) the same way everywhere.</summary>
public static class AppPaths
{
    /// <summary>
    /// An absolute path for <paramref name="path"/>: relative to the content root (the repository root under
    /// <c>dotnet run --project Bot</c>, the app folder when published), or to the binaries' folder when the content
    /// root does not hold the app's files (e.g. started from inside <c>Bot/</c>).
    /// </summary>
    public static string Resolve(string contentRoot, string path)
    {
        if (System.IO.Path.IsPathRooted(path))
        {
            return path;
        }

        var baseDir = File.Exists(System.IO.Path.Combine(contentRoot, "appsettings.json")) ? contentRoot : AppContext.BaseDirectory;
        return System.IO.Path.GetFullPath(System.IO.Path.Combine(baseDir, path));
    }
}
