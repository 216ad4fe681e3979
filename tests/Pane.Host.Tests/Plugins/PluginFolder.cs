namespace Pane.Host.Tests.Plugins;

/// <summary>
/// Two temporary plugin folders, searched in order, filled with real test plugins copied from the
/// <c>TestPlugins</c> folder of the test output where the build puts them.
/// </summary>
internal sealed class PluginFolder : IDisposable
{
    public PluginFolder()
    {
        Root = Path.Join(Path.GetTempPath(), "pane-plugins-" + Guid.NewGuid().ToString("N"));
        First = Path.Join(Root, "first");
        Second = Path.Join(Root, "second");
        Directory.CreateDirectory(First);
        Directory.CreateDirectory(Second);
    }

    public string Root { get; }

    public string First { get; }

    public string Second { get; }

    /// <summary>Copies a test plugin's build output into <c>&lt;First|Second&gt;/&lt;name&gt;/</c>.</summary>
    public string Add(string name, bool intoSecond = false)
    {
        var source = Path.Join(AppContext.BaseDirectory, "TestPlugins", name);
        var destination = Path.Join(intoSecond ? Second : First, name);
        Directory.CreateDirectory(destination);
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Join(destination, Path.GetFileName(file)));
        }

        return Path.Join(destination, name + ".dll");
    }

    /// <summary>Writes <c>&lt;First&gt;/&lt;name&gt;/&lt;name&gt;.dll</c> with bytes that are not an assembly.</summary>
    public string AddCorrupt(string name)
    {
        var destination = Path.Join(First, name);
        Directory.CreateDirectory(destination);
        var path = Path.Join(destination, name + ".dll");
        File.WriteAllBytes(path, [0x4D, 0x5A, 0x00, 0x01, 0xDE, 0xAD, 0xBE, 0xEF, .. new byte[256]]);
        return path;
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
