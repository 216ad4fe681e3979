using System.Text.Json.Serialization;
using Pane.Host.Images;

namespace Pane.Host.Cli.Image.Progress;

/// <summary>The JSON shapes of the image store's commands: <c>pane image list --json</c> and the NDJSON events.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(TransferEvent))]
[JsonSerializable(typeof(IReadOnlyList<StoredImage>))]
internal sealed partial class ImageCliJsonContext : JsonSerializerContext;
