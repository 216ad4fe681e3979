using System.Text.Json;
using Pane.Host.Cli;
using Pane.Host.Cli.Image.Progress;
using Pane.Images;

namespace Pane.Host.Tests.Cli.Image.Progress;

public sealed class TransferProgressViewTests
{
    private const long MiB = 1 << 20;
    private const string EraseToEnd = "\u001b[K";

    /// <summary>A clock that moves only when told to.</summary>
    private sealed class ManualTime : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }

    private sealed class View
    {
        private readonly ManualTime _time = new();

        public View(bool json)
        {
            Progress = new TransferProgressView(new CliConsole(Output, Error), json, _time);
        }

        public StringWriter Output { get; } = new();

        public StringWriter Error { get; } = new();

        public TransferProgressView Progress { get; }

        public void At(double seconds, string stage, long done, long? total)
        {
            _time.Advance(TimeSpan.FromSeconds(seconds));
            Progress.Report(new TransferProgress(stage, done, total));
        }

        public string[] Redraws() => Error.ToString().Split('\r', StringSplitOptions.RemoveEmptyEntries);

        public JsonElement[] Events() => [.. Output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement)];
    }

    public sealed class Report
    {
        [Fact]
        public void Shows_bytes_percent_a_smoothed_rate_and_the_time_left()
        {
            // Given
            var view = new View(json: false);

            // When: 10 MiB in the first second, a report too soon to redraw, then 20 MiB more in the next second
            view.At(0, "download", 0, 100 * MiB);
            view.At(1, "download", 10 * MiB, 100 * MiB);
            view.At(0.1, "download", 12 * MiB, 100 * MiB);
            view.At(0.9, "download", 30 * MiB, 100 * MiB);

            // Then: 0.7 of 20 MiB/s and 0.3 of 10 MiB/s is 17 MiB/s; 70 MiB at 17 MiB/s is 4.1 s, shown as 5
            Assert.Equal(
                [
                    $"download 10.0 MiB / 100.0 MiB  10.0%  10.0 MiB/s  ETA 0:00:09{EraseToEnd}",
                    $"download 30.0 MiB / 100.0 MiB  30.0%  17.0 MiB/s  ETA 0:00:05{EraseToEnd}",
                ],
                view.Redraws());
            Assert.Empty(view.Output.ToString());
        }

        [Fact]
        public void Shows_the_rate_without_a_percent_or_time_left_when_the_length_is_unknown()
        {
            // Given
            var view = new View(json: false);

            // When
            view.At(0, "build", 0, null);
            view.At(2, "build", 10 * MiB, null);

            // Then
            Assert.Equal([$"build    10.0 MiB  5.0 MiB/s{EraseToEnd}"], view.Redraws());
        }

        [Fact]
        public void Writes_progress_events_with_the_rate_and_the_seconds_left_as_json()
        {
            // Given
            var view = new View(json: true);

            // When
            view.At(0, "download", 0, 100 * MiB);
            view.At(1, "download", 10 * MiB, 100 * MiB);
            view.At(0, "build", 0, null);
            view.At(2, "build", 10 * MiB, null);

            // Then
            var events = view.Events();
            Assert.Equal(2, events.Length);
            Assert.Equal(
                """{"event":"progress","stage":"download","bytesDone":10485760,"bytesTotal":104857600,"bytesPerSecond":10485760,"etaSeconds":9}""",
                events[0].GetRawText());
            Assert.Equal(
                """{"event":"progress","stage":"build","bytesDone":10485760,"bytesPerSecond":5242880}""",
                events[1].GetRawText());
            Assert.Empty(view.Error.ToString());
        }

        [Fact]
        public void Restarts_the_rate_when_the_stage_changes()
        {
            // Given
            var view = new View(json: true);
            view.At(0, "download", 0, 100 * MiB);
            view.At(1, "download", 100 * MiB, 100 * MiB);

            // When: hashing starts, and its first report is shown only with the next stage or at the end
            view.At(0, "verify", 0, 100 * MiB);
            view.Progress.Complete();

            // Then
            var verify = view.Events()[^1];
            Assert.Equal("verify", verify.GetProperty("stage").GetString());
            Assert.Equal(0, verify.GetProperty("bytesPerSecond").GetDouble());
            Assert.False(verify.TryGetProperty("etaSeconds", out _));
        }
    }

    public sealed class Notice
    {
        [Fact]
        public void Ends_the_progress_line_and_writes_the_notice_on_a_line_of_its_own()
        {
            // Given
            var view = new View(json: false);
            view.At(0, "download", 0, 10 * MiB);
            view.At(1, "download", 5 * MiB, 10 * MiB);

            // When
            view.Progress.Notice("The Arch base image cannot be downloaded; using the 'debian' image instead, built locally.");

            // Then
            Assert.Equal(
                $"\rdownload 5.0 MiB / 10.0 MiB  50.0%  5.0 MiB/s  ETA 0:00:01{EraseToEnd}{Environment.NewLine}The Arch base image cannot be downloaded; using the 'debian' image instead, built locally.{Environment.NewLine}",
                view.Error.ToString());
        }
    }
}
