using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Cppcc.Bot.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Cppcc.Bot.Tests.Support;

/// <summary>
/// A loopback stand-in for the Bot Framework's token service (login.botframework.com): an HTTPS OpenID metadata
/// document and its key set (with the channel endorsements the SDK checks), served with a self-signed certificate,
/// and channel tokens signed with its RSA key. The bot is pointed at it with the SDK's own settings
/// (<c>ToBotFromChannelOpenIdMetadataUrl</c>, <c>ToBotFromChannelTokenIssuer</c>), so the SDK's real checks run.
/// <see cref="Hang"/> makes it accept connections and never answer, not even the TLS handshake, like a stuck endpoint:
/// clients reach it through a TCP relay that, while hanging, holds new connections without a byte in either direction.
/// </summary>
public sealed class BotFrameworkIssuer : IAsyncDisposable
{
    public const string AppId = "11111111-2222-3333-4444-555555555555";
    public const string Issuer = "https://api.botframework.com";
    public const string KeyId = "loopback-key";

    private readonly RSA _key = RSA.Create(2048);
    private readonly X509Certificate2 _certificate = SelfSigned();
    private readonly TcpListener _front = new(IPAddress.Loopback, 0);
    private readonly ConcurrentBag<TcpClient> _held = [];
    private readonly CancellationTokenSource _stop = new();
    private volatile bool _hanging;
    private LoopbackServer _server = null!;
    private int _backendPort;

    private BotFrameworkIssuer()
    {
    }

    public string Address => $"https://127.0.0.1:{((IPEndPoint)_front.LocalEndpoint).Port}";

    public string MetadataUrl => Address + "/v1/.well-known/openidconfiguration";

    /// <summary>Connections accepted and left unanswered while hanging.</summary>
    public int HeldConnections => _held.Count;

    public static async Task<BotFrameworkIssuer> StartAsync()
    {
        var issuer = new BotFrameworkIssuer();
        issuer._server = await LoopbackServer.StartAsync(issuer.HandleAsync, certificate: issuer._certificate);
        issuer._backendPort = new Uri(issuer._server.Address).Port;
        issuer._front.Start();
        _ = issuer.AcceptAsync();
        return issuer;
    }

    /// <summary>From now on new connections are accepted and never answered (until <see cref="Answer"/>).</summary>
    public void Hang() => _hanging = true;

    /// <summary>New connections are answered again.</summary>
    public void Answer() => _hanging = false;

    /// <summary>Bot settings with authentication on against this issuer, plus <paramref name="more"/>.</summary>
    public Dictionary<string, string?> Settings(Dictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "MultiTenant",
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "not-a-real-secret",
            ["ToBotFromChannelOpenIdMetadataUrl"] = MetadataUrl,
            ["ToBotFromChannelTokenIssuer"] = Issuer,
            ["ToChannelFromBotLoginUrl"] = "https://login.microsoftonline.com/botframework.com",
            ["ToChannelFromBotOAuthScope"] = "https://api.botframework.com",
            ["OAuthUrl"] = "https://api.botframework.com",
        };
        foreach (var (key, value) in more ?? [])
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Lets the bot's signing-key client trust this server's self-signed certificate (and nothing else).</summary>
    public void TrustFrom(IServiceCollection services)
    {
        var thumbprint = _certificate.Thumbprint;
        services.AddHttpClient(SigningKeySources.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.GetCertHashString() == thumbprint },
        });
    }

    /// <summary>A channel token as Azure Bot Service sends it: for <see cref="AppId"/>, vouching for <paramref name="serviceUrl"/>.</summary>
    public string Token(string? serviceUrl, Action<SecurityTokenDescriptor>? change = null, SigningCredentials? signedWith = null)
    {
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = AppId,
            NotBefore = DateTime.UtcNow.AddMinutes(-1),
            Expires = DateTime.UtcNow.AddMinutes(30),
            IssuedAt = DateTime.UtcNow.AddMinutes(-1),
            Subject = new ClaimsIdentity(serviceUrl is null ? [] : [new Claim("serviceurl", serviceUrl)]),
            SigningCredentials = signedWith ?? Signing,
        };
        change?.Invoke(descriptor);
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    public SigningCredentials Signing => new(new RsaSecurityKey(_key) { KeyId = KeyId }, SecurityAlgorithms.RsaSha256);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _front.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            if (_hanging)
            {
                _held.Add(client);
            }
            else
            {
                _ = RelayAsync(client);
            }
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using (client)
        using (var backend = new TcpClient())
        {
            try
            {
                await backend.ConnectAsync(IPAddress.Loopback, _backendPort, _stop.Token);
                var (front, back) = (client.GetStream(), backend.GetStream());
                await Task.WhenAny(front.CopyToAsync(back, _stop.Token), back.CopyToAsync(front, _stop.Token));
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
            {
                // Either side hung up.
            }
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        JsonNode document;
        if (path.EndsWith("/keys", StringComparison.Ordinal))
        {
            var p = _key.ExportParameters(includePrivateParameters: false);
            document = new JsonObject
            {
                ["keys"] = new JsonArray(new JsonObject
                {
                    ["kty"] = "RSA",
                    ["use"] = "sig",
                    ["kid"] = KeyId,
                    ["n"] = Base64UrlEncoder.Encode(p.Modulus),
                    ["e"] = Base64UrlEncoder.Encode(p.Exponent),
                    ["endorsements"] = new JsonArray("msteams", "webchat", "emulator"),
                }),
            };
        }
        else
        {
            document = new JsonObject
            {
                ["issuer"] = Issuer,
                ["authorization_endpoint"] = "https://invalid.example/authorize",
                ["jwks_uri"] = Address + "/v1/keys",
                ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
                ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
            };
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(document.ToJsonString());
    }

    private static X509Certificate2 SelfSigned()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _front.Stop();
        foreach (var held in _held)
        {
            held.Dispose();
        }

        await _server.DisposeAsync();
        _certificate.Dispose();
        _key.Dispose();
    }
}
