namespace Cppcc.Dialogs.WeChat;

/// <summary>Images WeChat users attached to their suggestions (implemented by the WeChat channel, which receives them).</summary>
public interface IWeChatImages
{
    /// <summary>The ids of the images attached to the suggestion <paramref name="reference"/>, oldest first; empty when none.</summary>
    IReadOnlyList<string> For(string reference);
}
