using Pane.Host.Hosting;
using Pane.Host.Settings;

namespace Pane.Host.Tests.Settings;

public sealed class PaneSettingsTests : IDisposable
{
    private readonly string _home = Directory.CreateTempSubdirectory("pane-settings-").FullName;

    public void Dispose() => Directory.Delete(_home, recursive: true);

    [Fact]
    public async Task Keeps_a_value_in_config_json_until_it_is_unset()
    {
        // Given
        var settings = new PaneSettings(new PaneHome(_home));

        // When
        await settings.SetAsync(PaneSettings.DefaultImageKey, "debian", TestContext.Current.CancellationToken);
        var set = new PaneSettings(new PaneHome(_home)).Get(PaneSettings.DefaultImageKey);
        await settings.SetAsync(PaneSettings.DefaultImageKey, null, TestContext.Current.CancellationToken);

        // Then
        Assert.Equal("debian", set);
        Assert.Null(settings.Get(PaneSettings.DefaultImageKey));
        Assert.Equal(["config.json"], Directory.GetFiles(_home).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Names_a_damaged_settings_file_and_how_to_fix_it()
    {
        // Given
        var settings = new PaneSettings(new PaneHome(_home));
        await File.WriteAllTextAsync(settings.FilePath, "{ not json", TestContext.Current.CancellationToken);

        // When
        var error = Assert.Throws<PaneException>(() => settings.Get(PaneSettings.DefaultImageKey));

        // Then
        Assert.StartsWith($"The settings file {settings.FilePath} is damaged: ", error.Message, StringComparison.Ordinal);
    }
}
