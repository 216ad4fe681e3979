using System.Text.Json;
using Pane.Host.DiskImages;
using Pane.Platform;

namespace Pane.Host.Settings;

/// <summary>
/// The user's settings, <c>PANE_HOME/config.json</c>: a JSON object of string values by key, written atomically.
/// </summary>
internal sealed class PaneSettings
{
    /// <summary>The key of the image <c>pane launch</c> uses when none is given.</summary>
    public const string DefaultImageKey = "default-image";

    private readonly IPaneHome _home;

    public PaneSettings(IPaneHome home)
    {
        _home = home;
    }

    /// <summary>Gets the keys Pane knows.</summary>
    public static IReadOnlyList<string> Keys { get; } = [DefaultImageKey];

    /// <summary>Gets the settings file.</summary>
    public string FilePath => Path.Join(_home.Root, "config.json");

    /// <summary>Reads a setting.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The value, or <see langword="null"/> when it is not set.</returns>
    /// <exception cref="PaneException">The key is unknown, or the settings file is damaged.</exception>
    public string? Get(string key)
    {
        RequireKnown(key);
        return ReadAll().GetValueOrDefault(key);
    }

    /// <summary>Sets a setting, or removes it.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value, or <see langword="null"/> to remove it.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>A task that completes when the file is written.</returns>
    /// <exception cref="PaneException">The key is unknown, or the settings file is damaged.</exception>
    public Task SetAsync(string key, string? value, CancellationToken cancellationToken)
    {
        RequireKnown(key);
        var all = ReadAll();
        if (value is null)
        {
            all.Remove(key);
        }
        else
        {
            all[key] = value;
        }

        return AtomicFile.WriteAsync(
            FilePath,
            (stream, token) => JsonSerializer.SerializeAsync(stream, all, SettingsJsonContext.Default.SortedDictionaryStringString, token),
            cancellationToken);
    }

    private SortedDictionary<string, string> ReadAll()
    {
        if (!File.Exists(FilePath))
        {
            return new SortedDictionary<string, string>(StringComparer.Ordinal);
        }

        try
        {
            var values = JsonSerializer.Deserialize(File.ReadAllBytes(FilePath), SettingsJsonContext.Default.SortedDictionaryStringString);
            return values is null ? new SortedDictionary<string, string>(StringComparer.Ordinal) : new SortedDictionary<string, string>(values, StringComparer.Ordinal);
        }
        catch (JsonException error)
        {
            throw new PaneException(
                $"The settings file {FilePath} is damaged: {error.Message}",
                "Fix it by hand (a JSON object of strings), or delete it to start over.",
                error);
        }
    }

    private static void RequireKnown(string key)
    {
        if (!Keys.Contains(key, StringComparer.Ordinal))
        {
            throw new PaneException($"'{key}' is not a Pane setting.", $"Use one of: {string.Join(", ", Keys)}.");
        }
    }
}
