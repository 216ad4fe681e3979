using System.Diagnostics;
using System.Globalization;
using Pane.Runtime.Native.Boot;

// Unpacks a bzImage's compressed kernel with Pane's decoder (KernelPayload, as the native runtime does before it
// keeps the vmlinux) and prints how long the decoding took inside the process, then writes the payload itself to
// the file named second, for the reference tool to decode the same bytes.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: KernelUnpack BZIMAGE PAYLOAD_OUT");
    return 2;
}

var kernel = BzImage.Parse(File.ReadAllBytes(args[0]));
File.WriteAllBytes(args[1], kernel.Payload.ToArray());
var clock = Stopwatch.StartNew();
var unpacked = KernelPayload.Decompress(kernel) ?? throw new InvalidOperationException("The kernel's payload is in a format Pane leaves to the kernel.");
clock.Stop();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"pane {kernel.Payload.Length} -> {unpacked.Length} bytes in {clock.Elapsed.TotalMilliseconds:0.0} ms"));
return 0;
