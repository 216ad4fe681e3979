using System.Text.Json.Serialization;
using Pane.Host.Cli.Image.Ls;
using Pane.Host.DiskImages.Inspection;

namespace Pane.Host.Cli.Image;

/// <summary>The JSON shapes of <c>pane image info --json</c> and <c>pane image ls --json</c>.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(ImageSummary))]
[JsonSerializable(typeof(IReadOnlyList<ImageLsEntry>))]
internal sealed partial class ImageJsonContext : JsonSerializerContext;
