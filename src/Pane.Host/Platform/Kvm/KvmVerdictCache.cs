using System.Text.Json;
using System.Text.Json.Serialization;
using Pane.Platform;

namespace Pane.Host.Platform.Kvm;

/// <summary>
/// Remembers the KVM probe's verdict for as long as nothing it depends on can have changed: the same boot of the
/// host (<c>/proc/sys/kernel/random/boot_id</c>), the same KVM modules loaded, the same <c>/dev/kvm</c> device
/// node. The smoke guest then runs once per boot instead of on every <c>pane</c> command.
/// </summary>
internal sealed class KvmVerdictCache
{
    private const string FileName = "kvm-probe.json";

    private readonly string _directory;

    public KvmVerdictCache(string directory)
    {
        _directory = directory;
    }

    /// <summary>Describes what the verdict depends on, or returns <see langword="null"/> where that cannot be read.</summary>
    /// <returns>The fingerprint.</returns>
    public static string? Fingerprint()
    {
        try
        {
            var bootId = File.ReadAllText("/proc/sys/kernel/random/boot_id").Trim();
            var modules = Directory.Exists("/sys/module")
                ? string.Join(',', Directory.EnumerateDirectories("/sys/module", "kvm*").Select(Path.GetFileName).Order(StringComparer.Ordinal))
                : string.Empty;
            var device = File.Exists("/dev/kvm") ? File.GetLastWriteTimeUtc("/dev/kvm").Ticks : 0;
            return $"{bootId}|{modules}|{device}";
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Reads the remembered verdict for a fingerprint.</summary>
    /// <param name="fingerprint">What the verdict must have been made under.</param>
    /// <returns>The verdict, or <see langword="null"/> when none was remembered under that fingerprint.</returns>
    public HypervisorStatus? TryRead(string fingerprint)
    {
        try
        {
            var entry = JsonSerializer.Deserialize(File.ReadAllBytes(Path.Combine(_directory, FileName)), KvmVerdictJsonContext.Default.KvmVerdictEntry);
            return entry?.Fingerprint == fingerprint ? entry.Status : null;
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    /// <summary>Remembers a verdict; a cache that cannot be written is skipped, never an error.</summary>
    /// <param name="fingerprint">What the verdict was made under.</param>
    /// <param name="status">The verdict.</param>
    public void Write(string fingerprint, HypervisorStatus status)
    {
        var temporary = Path.Combine(_directory, $".{FileName}.{Environment.ProcessId}.tmp");
        try
        {
            Directory.CreateDirectory(_directory);
            File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(new KvmVerdictEntry(fingerprint, status), KvmVerdictJsonContext.Default.KvmVerdictEntry));
            File.Move(temporary, Path.Combine(_directory, FileName), overwrite: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }
}
