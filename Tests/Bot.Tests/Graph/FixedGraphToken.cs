using Azure.Core;

namespace Cppcc.Bot.Tests.Graph;

/// <summary>A Graph credential that always hands out the same token, so the stub can check it is sent.</summary>
public sealed class FixedGraphToken : TokenCredential
{
    public const string Value = "graph-test-token";

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) => new(Value, DateTimeOffset.UtcNow.AddHours(1));

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) => new(GetToken(requestContext, cancellationToken));
}
