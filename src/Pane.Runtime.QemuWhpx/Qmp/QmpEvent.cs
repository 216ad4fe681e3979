using System.Text.Json;

namespace Pane.Runtime.QemuWhpx.Qmp;

/// <summary>An asynchronous event QEMU sent over QMP, such as <c>POWERDOWN</c> or <c>SHUTDOWN</c>.</summary>
/// <param name="Name">The event's name.</param>
/// <param name="Data">Its <c>data</c> member, or an undefined element when it has none.</param>
internal sealed record QmpEvent(string Name, JsonElement Data);
