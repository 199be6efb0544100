using System.Diagnostics;
using Cppcc.Bot.Tests.Support;

namespace Cppcc.Bot.Tests.WebChat;

/// <summary>
/// The official botframework-directlinejs client, unmodified, from Node against the bot on loopback
/// (Tests/WebChat.Node/directline.test.mjs: polling and WebSocket). test.sh installs its npm packages.
/// </summary>
public sealed class DirectLineJsTests
{
    private static readonly string NodeTests = Path.Combine(BotFactory.RepositoryRoot, "Tests", "WebChat.Node");

    [Fact]
    public async Task The_official_directlinejs_client_gets_a_knowledge_base_answer()
    {
        Assert.True(Directory.Exists(Path.Combine(NodeTests, "node_modules", "botframework-directlinejs")),
            $"npm packages missing: run 'npm ci --prefix {NodeTests}' (test.sh does).");
        await using var host = new WebChatHost();
        var origin = host.StartOnLoopback();

        var start = new ProcessStartInfo("node", ["--test", "--test-reporter=spec", "directline.test.mjs"])
        {
            WorkingDirectory = NodeTests,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["DIRECTLINE_ORIGIN"] = origin,
                ["DIRECTLINE_QUESTION"] = WebChatHost.Question,
                ["DIRECTLINE_EXPECT"] = WebChatHost.Answer,
                ["NO_COLOR"] = "1",
            },
        };
        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await node.WaitForExitAsync(timeout.Token);

        var report = await output + await errors;
        Assert.True(node.ExitCode == 0, report);
        Assert.Contains("pass 3", report);
    }
}
