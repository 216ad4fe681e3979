using System.Text.Json.Serialization;

namespace Pane.ImageSources.Downloads;

/// <summary>The JSON of the record beside a <c>.partial</c> file.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PartialDownload))]
internal sealed partial class DownloadJsonContext : JsonSerializerContext;
