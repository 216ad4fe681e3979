using System.Text;
using Pane.Platform;

namespace Pane.Host.Platform.Kvm;

/// <summary>
/// Remembers the KVM probe's verdict for as long as nothing it depends on can have changed: the same boot of the
/// host (<c>/proc/sys/kernel/random/boot_id</c>), the same KVM modules loaded, the same <c>/dev/kvm</c> device
/// node. The smoke guest then runs once per boot instead of on every <c>pane</c> command.
/// </summary>
/// <remarks>
/// A plain <c>key=value</c> file read with a loop, as <c>pane runtimes</c> reads it on every run: deserializing JSON,
/// even with generated code, cost some 30 ms of start-up on first use. A damaged file is simply a miss.
/// </remarks>
internal sealed class KvmVerdictCache
{
    private const string FileName = "kvm-probe.txt";

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
            var modules = Directory.Exists("/sys/module") ? Directory.GetDirectories("/sys/module", "kvm*") : [];
            for (var index = 0; index < modules.Length; index++)
            {
                modules[index] = Path.GetFileName(modules[index]);
            }

            Array.Sort(modules, StringComparer.Ordinal);
            var device = File.Exists("/dev/kvm") ? File.GetLastWriteTimeUtc("/dev/kvm").Ticks : 0;
            return $"{bootId}|{string.Join(',', modules)}|{device}";
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
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        try
        {
            foreach (var line in File.ReadAllLines(Path.Combine(_directory, FileName)))
            {
                var equals = line.IndexOf('=', StringComparison.Ordinal);
                if (equals > 0)
                {
                    entries[line[..equals]] = Unescape(line[(equals + 1)..]);
                }
            }
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        if (!entries.TryGetValue("fingerprint", out var remembered) || remembered != fingerprint
            || !entries.TryGetValue("kind", out var kindName) || ParseKind(kindName) is not { } kind
            || !entries.TryGetValue("usable", out var usable) || !bool.TryParse(usable, out var isUsable))
        {
            return null;
        }

        return new HypervisorStatus
        {
            Kind = kind,
            IsUsable = isUsable,
            Detail = entries.GetValueOrDefault("detail"),
            Reason = entries.GetValueOrDefault("reason"),
            Remedy = entries.GetValueOrDefault("remedy"),
        };
    }

    /// <summary>Remembers a verdict; a cache that cannot be written is skipped, never an error.</summary>
    /// <param name="fingerprint">What the verdict was made under.</param>
    /// <param name="status">The verdict.</param>
    public void Write(string fingerprint, HypervisorStatus status)
    {
        var text = new StringBuilder();
        Append(text, "fingerprint", fingerprint);
        Append(text, "kind", status.Kind.ToString());
        Append(text, "usable", status.IsUsable ? bool.TrueString : bool.FalseString);
        Append(text, "detail", status.Detail);
        Append(text, "reason", status.Reason);
        Append(text, "remedy", status.Remedy);
        var temporary = Path.Combine(_directory, $".{FileName}.{Environment.ProcessId}.tmp");
        try
        {
            Directory.CreateDirectory(_directory);
            File.WriteAllText(temporary, text.ToString());
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

    /// <summary>Reads a kind's name with a switch: <c>Enum.TryParse</c> is compiled at run time on first use, some 1 ms.</summary>
    private static HypervisorKind? ParseKind(string name) => name switch
    {
        nameof(HypervisorKind.Kvm) => HypervisorKind.Kvm,
        nameof(HypervisorKind.WindowsHypervisorPlatform) => HypervisorKind.WindowsHypervisorPlatform,
        _ => null,
    };

    private static void Append(StringBuilder text, string key, string? value)
    {
        if (value is not null)
        {
            text.Append(key).Append('=').Append(Escape(value)).Append('\n');
        }
    }

    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal)
            .Replace("\r", "\\r", StringComparison.Ordinal);

    private static string Unescape(string value)
    {
        if (!value.Contains('\\', StringComparison.Ordinal))
        {
            return value;
        }

        var text = new StringBuilder(value.Length);
        for (var index = 0; index < value.Length; index++)
        {
            if (value[index] != '\\' || index + 1 == value.Length)
            {
                text.Append(value[index]);
                continue;
            }

            index++;
            text.Append(value[index] switch
            {
                'n' => '\n',
                'r' => '\r',
                _ => value[index],
            });
        }

        return text.ToString();
    }
}
