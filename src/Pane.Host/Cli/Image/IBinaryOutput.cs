namespace Pane.Host.Cli.Image;

/// <summary>Standard output as bytes, for commands such as <c>pane image cat</c> whose output is not text.</summary>
internal interface IBinaryOutput
{
    /// <summary>Opens standard output for bytes.</summary>
    /// <returns>The stream; dispose it when done.</returns>
    Stream Open();
}
