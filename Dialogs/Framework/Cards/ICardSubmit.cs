namespace Cppcc.Dialogs.Framework.Cards;

/// <summary>
/// What one card button or form sends: a record whose constructor parameters are the submitted fields (camelCase on the
/// wire, all text, because Adaptive Card inputs submit text). The same record builds the button and reads the submit, so
/// a card and its handler cannot disagree on a field name.
/// </summary>
/// <typeparam name="TSelf">The record itself.</typeparam>
public interface ICardSubmit<TSelf> where TSelf : class, ICardSubmit<TSelf>
{
    /// <summary>The name in the submit's <c>action</c> field, <c>feature.verb</c>, e.g. <c>session.rsvp</c>.</summary>
    static abstract string ActionName { get; }

    /// <summary>
    /// Wire names of the fields whose absence stands for a default (an audience of everyone, a kind): such a field that
    /// is present but cannot be read as text (an array, an object) is refused with a message naming it, because reading
    /// it as missing would quietly widen what the submit does (a notice for one group sent to every member).
    /// </summary>
    static virtual IReadOnlyList<string> DefaultedFields => [];
}
