namespace Pane.ImageSources.Tests;

/// <summary>An <see cref="IProgress{T}"/> that reports on the caller's thread, so a test sees every report before it asserts.</summary>
/// <typeparam name="T">The report's type.</typeparam>
internal sealed class SynchronousProgress<T> : IProgress<T>
{
    private readonly Action<T> _report;

    public SynchronousProgress(Action<T> report)
    {
        _report = report;
    }

    public void Report(T value) => _report(value);
}
