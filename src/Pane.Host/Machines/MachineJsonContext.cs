using System.Text.Json.Serialization;
using Pane.Runtimes;

namespace Pane.Host.Machines;

/// <summary>The JSON of a machine record, <c>PANE_HOME/vms/&lt;name&gt;/machine.json</c>, by generated code.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true, UseStringEnumConverter = true)]
[JsonSerializable(typeof(VirtualMachineRecord))]
internal sealed partial class MachineJsonContext : JsonSerializerContext;
