using Pane.Host.Images;
using Pane.Host.Settings;

namespace Pane.Host.Cli.Config;

/// <summary><c>pane config get|set|unset</c>: reads and writes <c>PANE_HOME/config.json</c>.</summary>
internal sealed class ConfigCommand
{
    private readonly PaneSettings _settings;
    private readonly DefaultImageResolver _defaultImage;
    private readonly CliConsole _console;

    public ConfigCommand(PaneSettings settings, DefaultImageResolver defaultImage, CliConsole console)
    {
        _settings = settings;
        _defaultImage = defaultImage;
        _console = console;
    }

    /// <summary>Writes a setting's value; for <c>default-image</c>, the built-in choice when it is not set.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The exit code: failure when the setting is not set and has no default.</returns>
    public int Get(string key)
    {
        var value = _settings.Get(key);
        if (value is null && key == PaneSettings.DefaultImageKey)
        {
            var choice = _defaultImage.Resolve();
            _console.Output.WriteLine(choice.Reference);
            _console.Error.WriteLine($"({choice.Origin})");
            return ExitCodes.Success;
        }

        if (value is null)
        {
            return ExitCodes.Failure;
        }

        _console.Output.WriteLine(value);
        return ExitCodes.Success;
    }

    /// <summary>Sets a setting.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value, or <see langword="null"/> to remove it.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The exit code.</returns>
    public async Task<int> SetAsync(string key, string? value, CancellationToken cancellationToken)
    {
        await _settings.SetAsync(key, value, cancellationToken).ConfigureAwait(false);
        await _console.Output.WriteLineAsync(value is null ? $"Unset {key}." : $"Set {key} to {value}.").ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
