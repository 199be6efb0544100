using System.Runtime.ExceptionServices;
using Cppcc.Bot.Delivery;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace Cppcc.Bot.WeChat;

/// <summary>
/// The Bot Framework adapter of the WeChat channel: a callback message becomes an activity (channel <c>wechat</c>,
/// the openid as user and conversation) that runs the same bot; what the bot sends in that turn is collected and
/// goes back as the passive reply when it is ready within the window, else through the delivery queue as
/// customer-service messages. Sends outside a turn (notices) go to <see cref="WeChatSender"/>.
/// </summary>
public sealed class WeChatAdapter : BotAdapter
{
    private const int PassiveMaxBytes = 2048;
    private readonly IBot _bot;
    private readonly IWeChatUserStore _users;
    private readonly WeChatMessageLedger _ledger;
    private readonly WeChatSender _sender;
    private readonly WeChatImages _images;
    private readonly DeliveryQueue _queue;
    private readonly WeChatOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<WeChatAdapter> _logger;
    private readonly SemaphoreSlim[] _userLocks = Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1)).ToArray();

    public WeChatAdapter(IBot bot, ConversationState conversationState, IWeChatUserStore users, WeChatMessageLedger ledger, WeChatSender sender,
        WeChatImages images, DeliveryQueue queue, IOptions<WeChatOptions> options, TimeProvider time, ILogger<WeChatAdapter> logger)
    {
        _bot = bot;
        _users = users;
        _ledger = ledger;
        _sender = sender;
        _images = images;
        _queue = queue;
        _options = options.Value;
        _time = time;
        _logger = logger;
        OnTurnError = async (turn, exception) =>
        {
            // As on /api/messages: log without user text, reset the conversation so the failure cannot loop, tell the user
            // (that the step was reset only when it was: storage is often what failed).
            logger.LogError(exception, "WeChat turn failed ({ActivityType})", turn.Activity.Type);
            var reset = true;
            try
            {
                await conversationState.DeleteAsync(turn);
            }
            catch (Exception inner) when (inner is not OperationCanceledException)
            {
                logger.LogWarning("Could not reset a WeChat conversation: {Reason}", inner.Message);
                reset = false;
            }

            try
            {
                await turn.SendActivityAsync(reset ? WeChatTexts.Error : WeChatTexts.ErrorNotReset);
            }
            catch (Exception inner)
            {
                logger.LogError(inner, "Could not recover a WeChat conversation");
            }
        };
    }

    /// <summary>
    /// Handles one callback message; returns the passive reply text, or null for "success" (nothing now: a retry of a
    /// message already being handled, an event without an answer, or an answer that will come later).
    /// </summary>
    public async Task<string?> ProcessAsync(WeChatMessage message, CancellationToken cancellationToken)
    {
        if (message is { MsgType: "event", Event: "unsubscribe" or "VIEW" or "TEMPLATESENDJOBFINISH" or "subscribe_msg_popup_event" })
        {
            return null;
        }

        if (!_ledger.TryBegin(message.DeduplicationKey))
        {
            return null;
        }

        var turn = Task.Run(() => RunAsync(message));

        using var wait = new CancellationTokenSource();
        var finished = await Task.WhenAny(turn, Task.Delay(_options.PassiveReplyWindow, _time, wait.Token));
        wait.Cancel();
        if (finished != turn)
        {
            _ = SendLateAsync(message, turn);
            return null;
        }

        var parts = WeChatRendering.Split((await turn).Text, PassiveMaxBytes);
        if (parts.Count == 0)
        {
            return null;
        }

        if (parts.Count > 1)
        {
            Enqueue(message, string.Join("\n", parts.Skip(1)), "rest");
        }

        return parts[0];
    }

    /// <summary>Sends <paramref name="activity"/> to a stored WeChat conversation outside any turn; throws what the send threw.</summary>
    public async Task<string?> SendProactiveAsync(ConversationReference reference, IActivity activity, CancellationToken cancellationToken)
    {
        ExceptionDispatchInfo? failure = null;
        string? id = null;
        await ContinueConversationAsync(WeChatChannel.ChannelId, reference, async (turn, ct) =>
        {
            try
            {
                id = (await turn.SendActivityAsync(activity, ct))?.Id;
            }
            catch (Exception e)
            {
                // Keep it from OnTurnError, which would message the user about it: the delivery engine decides.
                failure = ExceptionDispatchInfo.Capture(e);
            }
        }, cancellationToken);
        failure?.Throw();
        return id;
    }

    public override async Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        var responses = activities.Select(_ => new ResourceResponse(Guid.NewGuid().ToString("N"))).ToArray();
        var messages = activities.Where(a => a.Type == ActivityTypes.Message).ToList();
        if (turnContext.TurnState.Get<ReplyBuffer>() is { } buffer)
        {
            buffer.Activities.AddRange(messages);
            return responses;
        }

        var rendering = WeChatRendering.Of(messages);
        var openId = turnContext.Activity.Conversation?.Id ?? "";
        if (rendering.Choices.Count > 0)
        {
            _users.SetChoices(openId, rendering.Choices);
        }

        if (rendering.Text.Length > 0)
        {
            await _sender.SendAsync(openId, rendering.Text, cancellationToken);
        }

        return responses;
    }

    /// <summary>WeChat cannot change a message it delivered.</summary>
    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("WeChat messages cannot be updated.");

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("WeChat messages cannot be deleted.");

    private async Task<WeChatReply> RunAsync(WeChatMessage message)
    {
        var openId = message.FromUserName;
        var gate = _userLocks[(int)((uint)StringComparer.Ordinal.GetHashCode(openId) % _userLocks.Length)];
        await gate.WaitAsync();
        try
        {
            return await AnswerAsync(message, openId);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Storage not answering (PostgreSQL restarting, a full disk) before the turn's own error handler is reached:
            // the user still hears back, as on the other channels, and the log gets one line.
            _logger.LogWarning("A WeChat message could not be answered: {Error}", e.Message);
            return new WeChatReply(WeChatTexts.ErrorNotReset);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<WeChatReply> AnswerAsync(WeChatMessage message, string openId)
    {
        _users.Touch(openId, _time.GetUtcNow());
        var pending = _users.TakePending(openId);
        var answer = message.MsgType switch
        {
            "image" => await _images.ReceiveAsync(message, CancellationToken.None),
            "text" or "event" => await RunTurnAsync(message),
            _ => WeChatTexts.Unsupported,
        };
        var notices = pending.Count == 0 ? "" : WeChatTexts.PendingHeader + "\n" + string.Join("\n\n", pending) + "\n\n";
        return new WeChatReply((notices + answer).Trim());
    }

    private async Task<string> RunTurnAsync(WeChatMessage message)
    {
        var activity = ToActivity(message);
        if (activity is null)
        {
            return "";
        }

        var buffer = new ReplyBuffer();
        using var context = new TurnContext(this, activity);
        context.TurnState.Add(buffer);
        await RunPipelineAsync(context, _bot.OnTurnAsync, CancellationToken.None);
        var rendering = WeChatRendering.Of(buffer.Activities);
        // Replace (or clear) the numbered choices: after a question without choices, "1" is an answer, not a pick.
        _users.SetChoices(message.FromUserName, rendering.Choices);
        return _images.AfterTurn(message.FromUserName, rendering.Text) is { } attached ? rendering.Text + "\n\n" + attached : rendering.Text;
    }

    private Activity? ToActivity(WeChatMessage message)
    {
        var activity = new Activity(ActivityTypes.Message)
        {
            Id = message.MsgId ?? message.DeduplicationKey,
            ChannelId = WeChatChannel.ChannelId,
            ServiceUrl = WeChatChannel.ServiceUrl,
            Conversation = new ConversationAccount(id: message.FromUserName) { ConversationType = "personal" },
            // Only the openid: nothing in a WeChat activity can claim a Teams or staff identity.
            From = new ChannelAccount(message.FromUserName, role: RoleTypes.User),
            Recipient = new ChannelAccount(string.IsNullOrEmpty(message.ToUserName) ? _options.AppId : message.ToUserName, role: RoleTypes.Bot),
            Locale = "zh-CN",
            Timestamp = DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(message.CreateTime, 0, 253402300799)),
        };
        switch (message.MsgType, message.Event)
        {
            case ("text", _):
                activity.Text = message.Content ?? "";
                if (int.TryParse(activity.Text.Trim().Normalize(System.Text.NormalizationForm.FormKC), out var number)
                    && _users.Choice(message.FromUserName, number) is { } choice)
                {
                    activity.Text = choice.Text;
                    activity.Value = choice.ValueJson is null ? null : JObject.Parse(choice.ValueJson);
                }

                return activity;
            case ("event", "subscribe" or "SCAN"):
                activity.Type = ActivityTypes.ConversationUpdate;
                activity.MembersAdded = [activity.From];
                return activity;
            case ("event", "CLICK"):
                activity.Text = WeChatMenu.TextFor(message.EventKey);
                return activity.Text is null ? null : activity;
            default:
                return null;
        }
    }

    private async Task SendLateAsync(WeChatMessage message, Task<WeChatReply> turn)
    {
        try
        {
            var reply = await turn;
            if (reply.Text.Length > 0)
            {
                Enqueue(message, reply.Text, "late");
            }
        }
        catch (Exception e)
        {
            _logger.LogError(e, "A slow WeChat turn failed; nothing was sent");
        }
    }

    /// <summary>One queue item per answer: the channel splits it to WeChat's length and sends the parts in order.</summary>
    private void Enqueue(WeChatMessage message, string text, string part)
    {
        var reference = new ConversationReference
        {
            ChannelId = WeChatChannel.ChannelId,
            ServiceUrl = WeChatChannel.ServiceUrl,
            Conversation = new ConversationAccount(id: message.FromUserName) { ConversationType = "personal" },
            User = new ChannelAccount(message.FromUserName),
            Bot = new ChannelAccount(message.ToUserName),
        };
        _queue.Enqueue($"wechat-reply:{message.DeduplicationKey}:{part}",
            [new DeliveryRequest(WeChatChannel.UserKey(message.FromUserName), reference, MessageFactory.Text(text))]);
    }

    private sealed class ReplyBuffer
    {
        public List<Activity> Activities { get; } = [];
    }
}
