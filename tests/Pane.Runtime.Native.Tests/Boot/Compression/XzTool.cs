using System.Diagnostics;

namespace Pane.Runtime.Native.Tests.Boot.Compression;

/// <summary>Compresses test data with the real <c>xz</c> of XZ Utils, the reference the decoder is held against.</summary>
internal static class XzTool
{
    public static byte[] Compress(byte[] data, params string[] options)
    {
        var start = new ProcessStartInfo("xz") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var option in (string[])["--format=xz", "--stdout", .. options])
        {
            start.ArgumentList.Add(option);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("xz did not start.");
        var output = new MemoryStream();
        var reading = process.StandardOutput.BaseStream.CopyToAsync(output);
        var errors = process.StandardError.ReadToEndAsync();
        process.StandardInput.BaseStream.Write(data);
        process.StandardInput.Close();
        reading.GetAwaiter().GetResult();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"xz {string.Join(' ', options)} failed: {errors.GetAwaiter().GetResult()}");
        return output.ToArray();
    }

    /// <summary>Data like a kernel's: x86 code with calls and jumps, text, zero runs and incompressible noise.</summary>
    public static byte[] KernelLikeData(int size, int seed)
    {
        var random = new Random(seed);
        var data = new byte[size];
        var index = 0;
        while (index < size)
        {
            var run = Math.Min(size - index, random.Next(16, 4096));
            var span = data.AsSpan(index, run);
            switch (random.Next(4))
            {
                case 0:
                    for (var offset = 0; offset + 5 <= run; offset += 5)
                    {
                        span[offset] = random.Next(3) == 0 ? (byte)0xE9 : (byte)0xE8;
                        BitConverter.TryWriteBytes(span[(offset + 1)..], random.Next(-100_000, 100_000));
                    }

                    break;
                case 1:
                    "static int pane_boot(void) { return call_this(); } "u8.ToArray().AsSpan(0, Math.Min(run, 50)).CopyTo(span);
                    for (var offset = 50; offset < run; offset++)
                    {
                        span[offset] = span[offset - 50];
                    }

                    break;
                case 2:
                    span.Clear();
                    break;
                default:
                    random.NextBytes(span);
                    break;
            }

            index += run;
        }

        return data;
    }
}
