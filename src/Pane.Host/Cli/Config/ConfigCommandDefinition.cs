using System.CommandLine;
using Pane.Host.Settings;

namespace Pane.Host.Cli.Config;

/// <summary>Defines <c>pane config get KEY</c>, <c>pane config set KEY VALUE</c> and <c>pane config unset KEY</c>.</summary>
internal static class ConfigCommandDefinition
{
    public static Command Create(CliHost host)
    {
        var getKey = Key();
        var get = new Command("get", "Print a setting (default-image: the built-in choice when unset).") { getKey };
        get.SetAction((parseResult, cancellationToken) => host.RunAsync<ConfigCommand>(
            parseResult,
            (config, _) => Task.FromResult(config.Get(parseResult.GetRequiredValue(getKey))),
            cancellationToken));

        var setKey = Key();
        var value = new Argument<string>("VALUE") { Description = "The value; for default-image an image name or reference such as arch, debian or https://URL#sha256=HEX." };
        var set = new Command("set", "Change a setting.") { setKey, value };
        set.SetAction((parseResult, cancellationToken) => host.RunAsync<ConfigCommand>(
            parseResult,
            (config, token) => config.SetAsync(parseResult.GetRequiredValue(setKey), parseResult.GetRequiredValue(value), token),
            cancellationToken));

        var unsetKey = Key();
        var unset = new Command("unset", "Remove a setting, so its built-in default applies.") { unsetKey };
        unset.SetAction((parseResult, cancellationToken) => host.RunAsync<ConfigCommand>(
            parseResult,
            (config, token) => config.SetAsync(parseResult.GetRequiredValue(unsetKey), null, token),
            cancellationToken));

        return new Command("config", $"Read and change the settings in PANE_HOME/config.json ({string.Join(", ", PaneSettings.Keys)}).")
        {
            get, set, unset,
        };
    }

    private static Argument<string> Key() => new("KEY")
    {
        Description = $"The setting: {string.Join(", ", PaneSettings.Keys)}.",
    };
}
