using System.Text.Json.Serialization;

namespace Pane.Host.DiskImages.Boot;

/// <summary>The JSON of the boot cache: <c>boot.json</c> and the remembered image hashes.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(BootCacheRecord))]
[JsonSerializable(typeof(Dictionary<string, ImageHashMemo>))]
internal sealed partial class BootCacheJsonContext : JsonSerializerContext;
