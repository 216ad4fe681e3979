using System.Text.Json.Serialization;

namespace Pane.Host.Platform.Kvm;

/// <summary>The JSON of <see cref="KvmVerdictEntry"/>, by generated code.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, UseStringEnumConverter = true)]
[JsonSerializable(typeof(KvmVerdictEntry))]
internal sealed partial class KvmVerdictJsonContext : JsonSerializerContext;
