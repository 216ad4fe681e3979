namespace Pane.TestPlugins.Good;

/// <summary>The desktop recipe <c>test-desktop</c>; takes the plugin's own greeting.</summary>
/// <param name="greeting">A service the plugin registered.</param>
public sealed class GoodDesktopRecipe(GoodGreeting greeting) : TestDesktopRecipe("test-desktop")
{
    /// <summary>Gets the greeting.</summary>
    public string Greeting { get; } = greeting.Text;
}
