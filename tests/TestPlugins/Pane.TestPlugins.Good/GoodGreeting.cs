namespace Pane.TestPlugins.Good;

/// <summary>A service private to the plugin.</summary>
public sealed class GoodGreeting
{
    /// <summary>Gets the greeting.</summary>
    public string Text { get; } = "hello from the good plugin";
}
