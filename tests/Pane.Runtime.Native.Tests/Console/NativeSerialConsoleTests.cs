using System.Text;
using Pane.Runtime.Native.Console;

namespace Pane.Runtime.Native.Tests.Console;

public sealed class NativeSerialConsoleTests
{
    public sealed class Transmit
    {
        [Fact]
        public async Task Appends_every_byte_the_guest_sends_to_the_machine_s_serial_log_readable_by_the_user_only()
        {
            // Given
            var folder = Path.Combine(Directory.CreateTempSubdirectory("pane-serial-log-").FullName, "vms", "native-1");
            try
            {
                var console = new NativeSerialConsole(SerialLogFile.Open(folder));

                // When
                foreach (var value in Encoding.ASCII.GetBytes("Linux version 6.1\r\nRun /init as init process\r\npane login: "))
                {
                    console.Transmit(value);
                }

                await console.DisposeAsync();

                // Then
                var path = Path.Combine(folder, "serial.log");
                Assert.Equal("Linux version 6.1\r\nRun /init as init process\r\npane login: ", await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken));
                if (!OperatingSystem.IsWindows())
                {
                    Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
                    Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
                }
            }
            finally
            {
                Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(folder))!, recursive: true);
            }
        }

        [Fact]
        public async Task A_second_boot_appends_to_the_log_of_the_first()
        {
            // Given
            var folder = Directory.CreateTempSubdirectory("pane-serial-log-").FullName;
            try
            {
                var first = new NativeSerialConsole(SerialLogFile.Open(folder));
                first.Transmit((byte)'a');
                await first.DisposeAsync();
                var second = new NativeSerialConsole(SerialLogFile.Open(folder));

                // When
                second.Transmit((byte)'b');
                await second.DisposeAsync();

                // Then
                Assert.Equal("ab", await File.ReadAllTextAsync(Path.Combine(folder, "serial.log"), TestContext.Current.CancellationToken));
            }
            finally
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
