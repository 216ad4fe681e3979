using System.Text.Json.Serialization;

namespace Pane.Host.Settings;

/// <summary>The JSON of <c>config.json</c>.</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(SortedDictionary<string, string>))]
internal sealed partial class SettingsJsonContext : JsonSerializerContext;
