namespace Pane.Host.Cli.Image;

/// <summary>The process's real standard output.</summary>
internal sealed class StandardBinaryOutput : IBinaryOutput
{
    public Stream Open() => System.Console.OpenStandardOutput();
}
