namespace Pane.Runtime.Native.Hypervisors;

/// <summary>The host's hypervisor refused an operation (an ioctl's errno, a WHP HRESULT).</summary>
internal sealed class HypervisorException : PaneException
{
    /// <summary>Initializes a new instance of the <see cref="HypervisorException"/> class.</summary>
    /// <param name="operation">The operation, such as <c>KVM_CREATE_VM</c>.</param>
    /// <param name="code">The errno or HRESULT.</param>
    /// <param name="detail">The code's meaning.</param>
    public HypervisorException(string operation, int code, string detail)
        : base($"The hypervisor refused {operation}: {detail}.", "Check 'pane doctor' for the hypervisor's state, or use --runtime qemu.")
    {
        Operation = operation;
        Code = code;
    }

    /// <summary>Gets the operation that failed.</summary>
    public string Operation { get; }

    /// <summary>Gets the errno or HRESULT.</summary>
    public int Code { get; }
}
