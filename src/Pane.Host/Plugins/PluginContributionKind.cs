namespace Pane.Host.Plugins;

/// <summary>The kinds of things a plugin contributes.</summary>
public enum PluginContributionKind
{
    /// <summary>An <see cref="Pane.Runtimes.IRuntimeProvider"/>.</summary>
    RuntimeProvider,

    /// <summary>An <see cref="Pane.Desktops.IDesktopRecipe"/>.</summary>
    DesktopRecipe,

    /// <summary>An <see cref="Pane.Images.IImageSource"/>.</summary>
    ImageSource,
}
