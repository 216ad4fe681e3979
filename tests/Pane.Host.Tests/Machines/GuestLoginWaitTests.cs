using System.Runtime.CompilerServices;
using NSubstitute;
using Pane.Host.Machines;
using Pane.Runtimes;

namespace Pane.Host.Tests.Machines;

public sealed class GuestLoginWaitTests
{
    private static IVirtualMachine Machine(IReadOnlyList<BootMilestone> milestones, Task<int?> exit, Func<CancellationToken, IAsyncEnumerable<string>> lines)
    {
        var console = Substitute.For<ISerialConsole>();
        console.ReadLinesAsync(Arg.Any<CancellationToken>()).Returns(call => lines(call.Arg<CancellationToken>()));
        var machine = Substitute.For<IVirtualMachine>();
        machine.Console.Returns(console);
        machine.Milestones.Returns(milestones);
        machine.WaitForExitAsync(Arg.Any<CancellationToken>()).Returns(exit);
        return machine;
    }

    private static async IAsyncEnumerable<string> Silent([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        yield break;
    }

    public sealed class WaitAsync
    {
        [Fact]
        public async Task Reports_every_milestone_in_order_and_returns_at_the_login()
        {
            // Given
            var milestones = new[]
            {
                new BootMilestone(BootMilestoneKind.KernelStarted, TimeSpan.FromSeconds(1), "Linux version 6.1"),
                new BootMilestone(BootMilestoneKind.Login, TimeSpan.FromSeconds(6), "pane login:"),
            };
            var machine = Machine(milestones, new TaskCompletionSource<int?>().Task, Silent);
            var reported = new List<BootMilestoneKind>();

            // When
            await GuestLoginWait.WaitAsync(machine, "work", TimeSpan.FromMinutes(1), milestone => reported.Add(milestone.Kind), TestContext.Current.CancellationToken);

            // Then
            Assert.Equal([BootMilestoneKind.KernelStarted, BootMilestoneKind.Login], reported);
        }

        [Fact]
        public async Task A_machine_that_stops_first_fails_the_launch_with_the_console_s_last_lines_even_when_they_come_after_its_exit()
        {
            // Given
            static async IAsyncEnumerable<string> LateLines([EnumeratorCancellation] CancellationToken cancellationToken)
            {
                await Task.Delay(300, cancellationToken);
                yield return "[    3.2] clocksource: Switched to clocksource tsc";
                yield return "[pane] The machine stopped: every vCPU halted with nothing left to wake it.";
            }

            var machine = Machine([], Task.FromResult<int?>(0), LateLines);

            // When
            var error = await Assert.ThrowsAsync<LaunchFailedException>(
                () => GuestLoginWait.WaitAsync(machine, "work", TimeSpan.FromMinutes(1), _ => { }, TestContext.Current.CancellationToken));

            // Then
            Assert.Equal("Machine 'work' stopped before its guest reached a login.", error.Message);
            Assert.Equal("[pane] The machine stopped: every vCPU halted with nothing left to wake it.", error.SerialTail[^1]);
        }

        [Fact]
        public async Task A_guest_that_takes_longer_than_the_timeout_fails_the_launch_saying_so()
        {
            // Given
            var machine = Machine([], new TaskCompletionSource<int?>().Task, Silent);

            // When
            var error = await Assert.ThrowsAsync<LaunchFailedException>(
                () => GuestLoginWait.WaitAsync(machine, "work", TimeSpan.FromMilliseconds(50), _ => { }, TestContext.Current.CancellationToken));

            // Then
            Assert.Equal("Machine 'work' did not reach a login within 0 s.", error.Message);
            Assert.Contains("--timeout", error.Remedy, StringComparison.Ordinal);
        }
    }
}
