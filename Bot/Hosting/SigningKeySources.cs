using Microsoft.Bot.Connector.Authentication;
using Microsoft.IdentityModel.Tokens;

namespace Cppcc.Bot.Hosting;

/// <summary>
/// Routes the SDK's fetches of OpenID metadata and signing keys through <see cref="SharedMetadataHandler"/>. The SDK
/// keeps one metadata reader per address for the whole process, created with the <c>HttpClient</c> of the first
/// token check that names the address (its own, with a 100 s timeout). Creating those readers first, at start-up, with
/// our client makes every later check use it.
/// </summary>
public static class SigningKeySources
{
    /// <summary>Named <c>HttpClient</c> whose primary handler does the network part (a test may trust its own certificate there).</summary>
    public const string HttpClientName = "BotFrameworkSigningKeys";

    /// <summary>Makes the SDK read the metadata of every address it may use through <paramref name="client"/>.</summary>
    public static void Route(IConfiguration configuration, HttpClient client)
    {
        foreach (var url in Addresses(configuration))
        {
            _ = new JwtTokenExtractor(client, new TokenValidationParameters(), url, allowedSigningAlgorithms: null);
        }
    }

    private static IEnumerable<string> Addresses(IConfiguration configuration) => new[]
    {
        // Settings of the SDK's ConfigurationBotFrameworkAuthentication (sovereign clouds, tests).
        configuration["ToBotFromChannelOpenIdMetadataUrl"],
        configuration["ToBotFromEmulatorOpenIdMetadataUrl"],
        AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
        AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
        GovernmentAuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
        GovernmentAuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    }.Where(u => !string.IsNullOrWhiteSpace(u)).Select(u => u!).Distinct(StringComparer.Ordinal);
}
