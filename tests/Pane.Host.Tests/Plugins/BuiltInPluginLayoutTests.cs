namespace Pane.Host.Tests.Plugins;

/// <summary>The build puts the built-in plugins next to the host, each in its own folder, without the contracts.</summary>
public sealed class BuiltInPluginLayoutTests
{
    public static TheoryData<string> BuiltInPlugins { get; } =
        ["Pane.Runtime.QemuWhpx", "Pane.Runtime.Native", "Pane.Runtime.WslBridge", "Pane.Desktops", "Pane.ImageSources"];

    [Theory]
    [MemberData(nameof(BuiltInPlugins))]
    public void Each_built_in_plugin_lands_in_its_own_folder_without_a_second_copy_of_the_contracts(string name)
    {
        // Given
        var folder = Path.Join(AppContext.BaseDirectory, "plugins", name);

        // When
        var files = Directory.GetFiles(folder, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();

        // Then
        Assert.Contains(name + ".dll", files);
        Assert.Contains(name + ".deps.json", files);
        Assert.DoesNotContain("Pane.Abstractions.dll", files);
        Assert.DoesNotContain("pane.dll", files);
    }
}
