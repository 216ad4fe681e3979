using Pane.Desktops;

namespace Pane.Host.DiskImages.Boot;

/// <summary>The fields of <c>/etc/os-release</c> (freedesktop os-release(5)) that tell a distribution apart.</summary>
internal sealed record OsRelease(string? Id, IReadOnlyList<string> IdLike, string? PrettyName)
{
    private const int MaxBytes = 64 * 1024;

    /// <summary>Gets the distribution family from <see cref="Id"/>, else from <see cref="IdLike"/>.</summary>
    public DistributionFamily? Family =>
        new[] { Id }.Concat(IdLike).Select(FamilyOf).FirstOrDefault(family => family is not null);

    public static OsRelease? Read(ILinuxFileSystem fileSystem)
    {
        foreach (var path in new[] { "/etc/os-release", "/usr/lib/os-release" })
        {
            var entry = fileSystem.GetEntry(path);
            if (entry is { Kind: FileSystemEntryKind.File, Size: <= MaxBytes })
            {
                using var stream = fileSystem.OpenFile(path);
                using var reader = new StreamReader(stream);
                return Parse(reader.ReadToEnd());
            }
        }

        return null;
    }

    public static OsRelease Parse(string text)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.Trim();
            var equals = line.IndexOf('=', StringComparison.Ordinal);
            if (line.StartsWith('#') || equals <= 0)
            {
                continue;
            }

            var value = line[(equals + 1)..].Trim();
            if (value.Length >= 2 && (value[0] is '"' or '\'') && value[^1] == value[0])
            {
                value = value[1..^1].Replace("\\\"", "\"", StringComparison.Ordinal);
            }

            fields[line[..equals]] = value;
        }

        return new OsRelease(
            fields.GetValueOrDefault("ID"),
            fields.GetValueOrDefault("ID_LIKE")?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [],
            fields.GetValueOrDefault("PRETTY_NAME"));
    }

    private static DistributionFamily? FamilyOf(string? id) => id switch
    {
        "arch" or "archarm" or "manjaro" or "endeavouros" or "cachyos" => DistributionFamily.Arch,
        "debian" or "ubuntu" or "linuxmint" or "pop" or "raspbian" or "kali" => DistributionFamily.Debian,
        "fedora" or "rhel" or "centos" or "rocky" or "almalinux" => DistributionFamily.Fedora,
        _ => null,
    };
}
