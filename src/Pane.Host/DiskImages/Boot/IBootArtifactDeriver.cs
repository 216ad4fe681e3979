namespace Pane.Host.DiskImages.Boot;

/// <summary>Takes the kernel and initramfs out of a disk image, cached by the image's hash.</summary>
public interface IBootArtifactDeriver
{
    /// <summary>
    /// Returns the image's kernel, initramfs and <c>root=</c> argument from <c>PANE_HOME/cache/boot/&lt;sha256&gt;/</c>,
    /// deriving them from the image first when the cache has none for its current contents.
    /// </summary>
    /// <param name="imagePath">The image file, raw or qcow2.</param>
    /// <param name="cancellationToken">The token to monitor for cancellation requests.</param>
    /// <returns>The cached artifacts.</returns>
    /// <exception cref="FileNotFoundException">The image file does not exist.</exception>
    /// <exception cref="ImageFormatException">The image is damaged, or holds no root filesystem or kernel Pane finds.</exception>
    Task<DerivedBootArtifacts> DeriveAsync(string imagePath, CancellationToken cancellationToken);
}
