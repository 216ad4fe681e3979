namespace Pane.Host.DiskImages.Ext4;

/// <summary>Maps a file's logical blocks to physical blocks (extent tree or block pointers).</summary>
internal interface IExt4BlockMap
{
    /// <summary>Finds the run that starts at a logical block.</summary>
    /// <param name="logicalBlock">The logical block, below 2^32.</param>
    /// <returns>The run, whose physical blocks lie inside the filesystem.</returns>
    /// <exception cref="ImageFormatException">A block pointer is out of range.</exception>
    Ext4BlockRun Map(ulong logicalBlock);
}
