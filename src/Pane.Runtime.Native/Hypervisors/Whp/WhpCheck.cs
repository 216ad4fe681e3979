using System.Globalization;

namespace Pane.Runtime.Native.Hypervisors.Whp;

/// <summary>Turns a failed WHP HRESULT into a <see cref="HypervisorException"/>.</summary>
internal static class WhpCheck
{
    /// <summary>Throws for a failed HRESULT.</summary>
    /// <param name="result">The HRESULT.</param>
    /// <param name="operation">The call's name.</param>
    /// <exception cref="HypervisorException">The HRESULT is a failure.</exception>
    public static void Succeeded(int result, string operation)
    {
        if (result < 0)
        {
            throw new HypervisorException(operation, result, string.Create(CultureInfo.InvariantCulture, $"HRESULT 0x{result:x8}"));
        }
    }
}
