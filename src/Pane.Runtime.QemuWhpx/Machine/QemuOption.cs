namespace Pane.Runtime.QemuWhpx.Machine;

/// <summary>Formats values inside QEMU's comma-separated option syntax.</summary>
internal static class QemuOption
{
    /// <summary>Escapes a value (a file path, say) for an option list: QEMU reads a doubled comma as one comma.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The escaped value.</returns>
    public static string Escape(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Replace(",", ",,", StringComparison.Ordinal);
    }
}
