using System.Globalization;
using Pane.Host.Cli.Output;
using Pane.Host.DiskImages.Inspection;

namespace Pane.Host.Cli.Image.Info;

/// <summary>The text form of <c>pane image info</c>.</summary>
internal static class ImageInfoView
{
    public static void Write(ImageSummary summary, TextWriter writer)
    {
        writer.WriteLine($"Image:            {summary.Path}");
        writer.WriteLine($"Format:           {summary.Format}");
        writer.WriteLine($"Virtual size:     {ByteCount.Format(summary.VirtualSize, "0.#")} ({summary.VirtualSize.ToString(CultureInfo.InvariantCulture)} bytes)");
        foreach (var backing in summary.BackingChain)
        {
            writer.WriteLine($"Backing file:     {backing}");
        }

        writer.WriteLine($"Partition table:  {summary.PartitionTable}{(summary.DiskId is null ? string.Empty : $" (disk id {summary.DiskId})")}");
        if (summary.FileSystem is { } bare)
        {
            WriteFileSystem(bare, writer);
        }

        if (summary.Partitions.Count > 0)
        {
            writer.WriteLine();
            var table = new TextTable("#", "START", "SIZE", "TYPE", "NAME", "PARTUUID", "FILESYSTEM", "LABEL", "UUID");
            foreach (var partition in summary.Partitions)
            {
                table.AddRow(
                    partition.Number.ToString(CultureInfo.InvariantCulture),
                    partition.Offset.ToString(CultureInfo.InvariantCulture),
                    ByteCount.Format(partition.Size, "0.#"),
                    partition.TypeName,
                    partition.Name ?? "-",
                    partition.PartUuid,
                    partition.FileSystem?.Type ?? (partition.Problem is null ? "-" : "damaged"),
                    partition.FileSystem?.Label ?? "-",
                    partition.FileSystem?.Uuid ?? "-");
            }

            table.Write(writer);
            foreach (var partition in summary.Partitions)
            {
                if (partition.FileSystem is { } fileSystem)
                {
                    writer.WriteLine($"Features of {partition.Number}: {string.Join(' ', fileSystem.Features)}");
                }

                if (partition.Problem is { } problem)
                {
                    writer.WriteLine($"Problem of {partition.Number}:  {problem}");
                }
            }
        }

        writer.WriteLine();
        if (summary.Boot is { } boot)
        {
            writer.WriteLine($"Distribution:     {boot.Distribution ?? "unknown"}{(boot.Family is null ? string.Empty : $" (family {boot.Family})")}");
            writer.WriteLine($"Kernel:           {boot.Kernel}{On(boot.BootPartition)}");
            writer.WriteLine($"Initramfs:        {boot.Initramfs ?? "none"}");
            writer.WriteLine($"Root:             {boot.RootArgument}{On(boot.RootPartition)}");
        }
        else
        {
            writer.WriteLine($"Boot:             not found: {summary.BootProblem}");
        }
    }

    private static void WriteFileSystem(FileSystemSummary fileSystem, TextWriter writer)
    {
        writer.WriteLine($"Filesystem:       {fileSystem.Type}, label {fileSystem.Label ?? "-"}, UUID {fileSystem.Uuid ?? "-"}");
        writer.WriteLine($"Features:         {string.Join(' ', fileSystem.Features)}");
    }

    private static string On(int? partition) =>
        partition is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" (partition {partition})");
}
