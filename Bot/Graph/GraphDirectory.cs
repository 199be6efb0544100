using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace Cppcc.Bot.Graph;

/// <summary>Reads Entra groups and installs the Teams app for users, through the Microsoft Graph SDK.</summary>
public sealed class GraphDirectory(GraphServiceClient client)
{
    /// <summary>Users who are direct members of a group, following @odata.nextLink pages.</summary>
    public async Task<List<User>> UsersInGroupAsync(string groupId, CancellationToken cancellationToken)
    {
        var users = new List<User>();
        var page = await client.Groups[groupId].Members.GetAsync(r => r.QueryParameters.Select = ["id", "displayName"], cancellationToken)
            ;
        if (page is null)
        {
            return users;
        }

        var pages = PageIterator<DirectoryObject, DirectoryObjectCollectionResponse>.CreatePageIterator(client, page, item =>
        {
            if (item is User user && user.Id is not null)
            {
                users.Add(user);
            }

            return true;
        });
        await pages.IterateAsync(cancellationToken);
        return users;
    }

    /// <summary>Installs the Teams app (catalog id) in the user's personal scope; Teams then tells the bot, which stores the conversation.</summary>
    public Task InstallAppAsync(string userId, string catalogAppId, string baseUrl, CancellationToken cancellationToken)
        => client.Users[userId].Teamwork.InstalledApps.PostAsync(new UserScopeTeamsAppInstallation
        {
            AdditionalData = new Dictionary<string, object> { ["teamsApp@odata.bind"] = $"{baseUrl}/appCatalogs/teamsApps/{catalogAppId}" },
        }, cancellationToken: cancellationToken);
}
