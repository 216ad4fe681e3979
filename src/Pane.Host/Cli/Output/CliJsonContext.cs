using System.Text.Json.Serialization;
using Pane.Host.Cli.Doctor;
using Pane.Host.Cli.Launch;
using Pane.Host.Cli.Status;
using Pane.Host.Cli.Plugins;
using Pane.Host.Cli.Recipes;
using Pane.Host.Cli.Runtimes;

namespace Pane.Host.Cli.Output;

/// <summary>The JSON shapes of <c>--json</c>, serialized by generated code (no reflection at start-up).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(PluginsReport))]
[JsonSerializable(typeof(RuntimesReport))]
[JsonSerializable(typeof(RecipesReport))]
[JsonSerializable(typeof(DoctorReport))]
[JsonSerializable(typeof(LaunchReport))]
[JsonSerializable(typeof(IReadOnlyList<StatusEntry>))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
