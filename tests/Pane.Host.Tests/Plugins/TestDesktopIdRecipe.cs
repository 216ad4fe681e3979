namespace Pane.Host.Tests.Plugins;

/// <summary>An application recipe with the good test plugin's recipe id.</summary>
public sealed class TestDesktopIdRecipe : ApplicationDesktopRecipe
{
    public override string Id => "test-desktop";
}
