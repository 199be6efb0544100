using System.Net;
using System.Net.Sockets;

namespace Cppcc.Bot.Hosting;

/// <summary>
/// Finds out before start-up whether the addresses Kestrel will listen on are free. Kestrel binds only after the
/// background services have started (and logged), and then reports a taken port as a long stack trace; a probe first
/// gives one line that says how to choose another port.
/// </summary>
public static class ListenAddresses
{
    /// <summary>The URLs configured for Kestrel, from the same settings it reads; empty when none are.</summary>
    public static IReadOnlyList<string> Configured(IConfiguration configuration)
    {
        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>().ToList();
        if (endpoints.Count > 0)
        {
            return endpoints;
        }

        if (configuration["urls"] is { Length: > 0 } urls)
        {
            return urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }

        var ports = (configuration["http_ports"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"http://*:{p}")
            .Concat((configuration["https_ports"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"https://*:{p}"))
            .ToList();
        // Nothing configured: Kestrel's default (localhost:5000), unless the host sets its endpoints in code (the
        // load benchmark does); not probed, Kestrel's own refusal is turned into the same line.
        return ports;
    }

    /// <summary>Throws a <see cref="StartupProblem"/> when another process already listens on one of the addresses.</summary>
    public static void EnsureFree(IConfiguration configuration)
    {
        foreach (var url in Configured(configuration))
        {
            BindingAddress address;
            try
            {
                address = BindingAddress.Parse(url);
            }
            catch (FormatException)
            {
                throw new StartupProblem(StartupExitCode.Configuration, $"监听地址无效：{url}。请用 --urls http://127.0.0.1:3978 这样的形式。Invalid listen address.");
            }

            if (address.IsUnixPipe || address.Port == 0)
            {
                continue;
            }

            foreach (var ip in AddressesOf(address.Host))
            {
                if (InUse(ip, address.Port))
                {
                    throw InUseProblem(url);
                }
            }
        }
    }

    /// <summary>The line for a taken port (also when Kestrel itself finds it taken).</summary>
    public static StartupProblem InUseProblem(string url)
        => new(StartupExitCode.Configuration,
            $"端口已被占用，本进程不启动：{url}。请停止占用它的程序，或用 --urls 换一个端口（如 --urls http://127.0.0.1:3979）。" +
            "Address already in use; choose another with --urls.");

    private static IEnumerable<IPAddress> AddressesOf(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return Socket.OSSupportsIPv6 ? [IPAddress.Loopback, IPAddress.IPv6Loopback] : [IPAddress.Loopback];
        }

        if (IPAddress.TryParse(host.Trim('[', ']'), out var ip))
        {
            return [ip];
        }

        // "*", "+" or a host name: Kestrel listens on every address.
        return [Socket.OSSupportsIPv6 ? IPAddress.IPv6Any : IPAddress.Any];
    }

    private static bool InUse(IPAddress ip, int port)
    {
        try
        {
            using var socket = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            // Like a listener's own bind: connections of a stopped bot waiting out TIME_WAIT do not count.
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            if (ip.Equals(IPAddress.IPv6Any))
            {
                socket.DualMode = true;
            }

            socket.Bind(new IPEndPoint(ip, port));
            socket.Listen();
            return false;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return true;
        }
        catch (SocketException)
        {
            return false; // not ours to judge (no IPv6, no permission): Kestrel reports it
        }
    }
}
