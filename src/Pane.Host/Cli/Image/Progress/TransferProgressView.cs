using System.Globalization;
using System.Text.Json;
using Pane.Host.Cli.Output;
using Pane.Host.Images;
using Pane.Images;

namespace Pane.Host.Cli.Image.Progress;

/// <summary>
/// Shows the progress of a transfer: on the error stream as one line redrawn a few times a second with the rate and
/// the time left, or with <c>--json</c> as <c>progress</c> events on standard output, one JSON object a line.
/// Notices (such as the default image's fallback) go to the error stream as lines of their own.
/// </summary>
internal sealed class TransferProgressView : IProgress<TransferProgress>, IImageNotices
{
    private static readonly TimeSpan s_interval = TimeSpan.FromMilliseconds(250);

    private readonly TextWriter _writer;
    private readonly TextWriter _notices;
    private readonly bool _json;
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly long _started;
    private string? _stage;
    private TimeSpan _lastShown;
    private long _lastBytes;
    private double _rate;
    private TransferProgress? _pending;
    private bool _lineOpen;

    /// <summary>Initializes a new instance of the <see cref="TransferProgressView"/> class.</summary>
    /// <param name="console">Where to write.</param>
    /// <param name="json">Whether to write JSON events to standard output instead of a line to the error stream.</param>
    public TransferProgressView(CliConsole console, bool json)
        : this(console, json, TimeProvider.System)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="TransferProgressView"/> class.</summary>
    /// <param name="console">Where to write.</param>
    /// <param name="json">Whether to write JSON events to standard output instead of a line to the error stream.</param>
    /// <param name="time">The clock the rate is measured with.</param>
    public TransferProgressView(CliConsole console, bool json, TimeProvider time)
    {
        _time = time;
        _started = time.GetTimestamp();
        _writer = json ? console.Output : console.Error;
        _notices = console.Error;
        _json = json;
    }

    /// <inheritdoc/>
    public void Report(TransferProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            var now = _time.GetElapsedTime(_started);
            if (value.Stage != _stage)
            {
                ShowPending();
                _stage = value.Stage;
                _lastShown = now;
                _lastBytes = value.BytesDone;
                _rate = 0;
                _pending = value;
                return;
            }

            _pending = value;
            if (now - _lastShown < s_interval && value.BytesDone != value.BytesTotal)
            {
                return;
            }

            var seconds = (now - _lastShown).TotalSeconds;
            if (seconds > 0)
            {
                var recent = (value.BytesDone - _lastBytes) / seconds;
                _rate = _rate == 0 ? recent : (0.7 * recent) + (0.3 * _rate);
            }

            _lastShown = now;
            _lastBytes = value.BytesDone;
            ShowPending();
        }
    }

    /// <inheritdoc/>
    public void Notice(string line)
    {
        lock (_gate)
        {
            EndLine();
            _notices.WriteLine(line);
        }
    }

    /// <summary>Shows the last report and ends the progress line.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            ShowPending();
            EndLine();
        }
    }

    private void EndLine()
    {
        if (_lineOpen)
        {
            _writer.WriteLine();
            _lineOpen = false;
        }
    }

    private void ShowPending()
    {
        if (_pending is not { } value)
        {
            return;
        }

        _pending = null;
        double? eta = value.BytesTotal is { } total && _rate > 0 ? Math.Max(0, (total - value.BytesDone) / _rate) : null;
        if (_json)
        {
            var line = new TransferEvent("progress", value.Stage, value.BytesDone, value.BytesTotal, Math.Round(_rate), eta is null ? null : Math.Round(eta.Value, 1));
            _writer.WriteLine(JsonSerializer.Serialize(line, ImageCliJsonContext.Default.TransferEvent));
            return;
        }

        var percent = value.BytesTotal is > 0 ? string.Create(CultureInfo.InvariantCulture, $" {100.0 * value.BytesDone / value.BytesTotal.Value,5:0.0}%") : string.Empty;
        var of = value.BytesTotal is { } all ? $" / {ByteCount.Format(all)}" : string.Empty;
        var rate = _rate > 0 ? $"  {ByteCount.Format((long)_rate)}/s" : string.Empty;
        var left = eta is { } e ? $"  ETA {TimeSpan.FromSeconds(Math.Ceiling(e)):g}" : string.Empty;
        _writer.Write($"\r{value.Stage,-8} {ByteCount.Format(value.BytesDone)}{of}{percent}{rate}{left}\u001b[K");
        _writer.Flush();
        _lineOpen = true;
    }
}
