using System.Text.Json.Serialization;

namespace Pane.Host.Images;

/// <summary>The JSON of <c>image.json</c>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(StoredImage))]
internal sealed partial class ImageStoreJsonContext : JsonSerializerContext;
