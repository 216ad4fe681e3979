using Pane.Machines;
using Pane.Runtime.QemuWhpx.Machine;

namespace Pane.Runtime.QemuWhpx.Tests.Machine;

public sealed class QemuCommandLineTests
{
    private static readonly BootSpec s_boot = new("/cache/vmlinuz-linux", "/cache/initramfs-linux.img", "root=PARTUUID=50414e45-01 console=ttyS0 fstab=0 rw");

    private static QemuLaunchPlan Plan(string accelerator, string cpu, IReadOnlyList<DiskSpec> disks, DisplayMode display = DisplayMode.None) => new()
    {
        Spec = new MachineSpec
        {
            Name = "default",
            VirtualCpus = 4,
            MemoryMiB = 4096,
            Disks = disks,
            Boot = s_boot,
            Display = display,
            StateDirectory = "/home/u/.local/share/pane/vms/default",
        },
        Accelerator = accelerator,
        CpuModel = cpu,
        Serial = QemuEndpoint.UnixSocket("/home/u/.local/share/pane/vms/default/serial.sock"),
        Control = QemuEndpoint.UnixSocket("/home/u/.local/share/pane/vms/default/qmp.sock"),
        SerialLogPath = "/home/u/.local/share/pane/vms/default/serial.log",
    };

    private static readonly DiskSpec s_ephemeralBase = new("/images/arch.raw", DiskFormat.Raw, DiskRole.Base) { IsEphemeral = true };
    private static readonly DiskSpec s_userDisk = new("/vms/default/home.qcow2", DiskFormat.Qcow2, DiskRole.UserData);

    public sealed class Build
    {
        [Fact]
        public void Makes_the_complete_tcg_machine_with_an_ephemeral_root_and_a_persistent_home()
        {
            // When
            var arguments = QemuCommandLine.Build(Plan("tcg", "max", [s_ephemeralBase, s_userDisk]));

            // Then
            Assert.Equal(
                [
                    "-name", "Pane",
                    "-machine", "q35",
                    "-accel", "tcg",
                    "-cpu", "max",
                    "-smp", "4",
                    "-m", "4096",
                    "-nodefaults",
                    "-no-user-config",
                    "-kernel", "/cache/vmlinuz-linux",
                    "-initrd", "/cache/initramfs-linux.img",
                    "-append", "root=PARTUUID=50414e45-01 console=ttyS0 fstab=0 rw",
                    "-drive", "file=/images/arch.raw,if=none,id=disk0,format=raw,aio=threads,cache=unsafe,snapshot=on",
                    "-device", "virtio-blk-pci,drive=disk0",
                    "-drive", "file=/vms/default/home.qcow2,if=none,id=disk1,format=qcow2,aio=threads,cache=writeback,discard=unmap,detect-zeroes=unmap",
                    "-device", "virtio-blk-pci,drive=disk1",
                    "-netdev", "user,id=net0",
                    "-device", "virtio-net-pci,netdev=net0",
                    "-device", "virtio-rng-pci",
                    "-chardev", "socket,id=serial0,path=/home/u/.local/share/pane/vms/default/serial.sock,server=on,wait=off,logfile=/home/u/.local/share/pane/vms/default/serial.log,logappend=on",
                    "-serial", "chardev:serial0",
                    "-chardev", "socket,id=qmp0,path=/home/u/.local/share/pane/vms/default/qmp.sock,server=on,wait=off",
                    "-mon", "chardev=qmp0,mode=control",
                    "-display", "none",
                ],
                arguments);
        }

        [Fact]
        public void Makes_the_complete_daemonized_kvm_machine_with_a_persistent_root_overlay_and_a_vnc_screen()
        {
            // Given
            var overlay = new DiskSpec("/vms/default/root.qcow2", DiskFormat.Qcow2, DiskRole.RootOverlay) { Backing = new DiskSpec("/images/arch.raw", DiskFormat.Raw, DiskRole.Base) };
            var plan = Plan("kvm", "host", [overlay, s_userDisk], DisplayMode.Vnc) with { DaemonPidFilePath = "/home/u/.local/share/pane/vms/default/qemu.pid" };

            // When
            var arguments = QemuCommandLine.Build(plan);

            // Then
            Assert.Equal(
                [
                    "-name", "Pane",
                    "-machine", "q35",
                    "-accel", "kvm",
                    "-cpu", "host",
                    "-smp", "4",
                    "-m", "4096",
                    "-nodefaults",
                    "-no-user-config",
                    "-kernel", "/cache/vmlinuz-linux",
                    "-initrd", "/cache/initramfs-linux.img",
                    "-append", "root=PARTUUID=50414e45-01 console=ttyS0 fstab=0 rw",
                    "-drive", "file=/vms/default/root.qcow2,if=none,id=disk0,format=qcow2,aio=threads,cache=writeback,discard=unmap,detect-zeroes=unmap",
                    "-device", "virtio-blk-pci,drive=disk0",
                    "-drive", "file=/vms/default/home.qcow2,if=none,id=disk1,format=qcow2,aio=threads,cache=writeback,discard=unmap,detect-zeroes=unmap",
                    "-device", "virtio-blk-pci,drive=disk1",
                    "-netdev", "user,id=net0",
                    "-device", "virtio-net-pci,netdev=net0",
                    "-device", "virtio-rng-pci",
                    "-chardev", "socket,id=serial0,path=/home/u/.local/share/pane/vms/default/serial.sock,server=on,wait=off,logfile=/home/u/.local/share/pane/vms/default/serial.log,logappend=on",
                    "-serial", "chardev:serial0",
                    "-chardev", "socket,id=qmp0,path=/home/u/.local/share/pane/vms/default/qmp.sock,server=on,wait=off",
                    "-mon", "chardev=qmp0,mode=control",
                    "-device", "virtio-vga",
                    "-device", "virtio-tablet-pci",
                    "-display", "none",
                    "-vnc", "127.0.0.1:0,to=99,websocket=127.0.0.1:0,password=on",
                    "-daemonize",
                    "-pidfile", "/home/u/.local/share/pane/vms/default/qemu.pid",
                ],
                arguments);
        }

        [Fact]
        public void Makes_the_complete_windows_whpx_machine_on_loopback_ports_in_a_gtk_window()
        {
            // Given
            var folder = @"D:\Pane\vms\default";
            var plan = new QemuLaunchPlan
            {
                Spec = new MachineSpec
                {
                    Name = "default",
                    VirtualCpus = 8,
                    MemoryMiB = 8192,
                    Disks =
                    [
                        new DiskSpec(@"D:\Pane\images\arch.qcow2", DiskFormat.Qcow2, DiskRole.Base) { IsEphemeral = true },
                        new DiskSpec(folder + @"\home.qcow2", DiskFormat.Qcow2, DiskRole.UserData),
                    ],
                    Boot = new BootSpec(@"D:\Pane\cache\boot\vmlinuz-linux", @"D:\Pane\cache\boot\initramfs-linux.img", "root=PARTUUID=50414e45-01 console=ttyS0 fstab=0 rw"),
                    Display = DisplayMode.Gtk,
                    StateDirectory = folder,
                },
                Accelerator = "whpx",
                CpuModel = "Skylake-Client",
                Serial = QemuEndpoint.Loopback(45001),
                Control = QemuEndpoint.Loopback(45002),
                SerialLogPath = folder + @"\serial.log",
            };

            // When
            var arguments = QemuCommandLine.Build(plan);

            // Then
            Assert.Equal(
                [
                    "-name", "Pane",
                    "-machine", "q35",
                    "-accel", "whpx",
                    "-cpu", "Skylake-Client",
                    "-smp", "8",
                    "-m", "8192",
                    "-nodefaults",
                    "-no-user-config",
                    "-kernel", @"D:\Pane\cache\boot\vmlinuz-linux",
                    "-initrd", @"D:\Pane\cache\boot\initramfs-linux.img",
                    "-append", "root=PARTUUID=50414e45-01 console=ttyS0 fstab=0 rw",
                    "-drive", @"file=D:\Pane\images\arch.qcow2,if=none,id=disk0,format=qcow2,aio=threads,cache=unsafe,snapshot=on",
                    "-device", "virtio-blk-pci,drive=disk0",
                    "-drive", @"file=D:\Pane\vms\default\home.qcow2,if=none,id=disk1,format=qcow2,aio=threads,cache=writeback,discard=unmap,detect-zeroes=unmap",
                    "-device", "virtio-blk-pci,drive=disk1",
                    "-netdev", "user,id=net0",
                    "-device", "virtio-net-pci,netdev=net0",
                    "-device", "virtio-rng-pci",
                    "-chardev", @"socket,id=serial0,host=127.0.0.1,port=45001,server=on,wait=off,logfile=D:\Pane\vms\default\serial.log,logappend=on",
                    "-serial", "chardev:serial0",
                    "-chardev", "socket,id=qmp0,host=127.0.0.1,port=45002,server=on,wait=off",
                    "-mon", "chardev=qmp0,mode=control",
                    "-device", "virtio-vga",
                    "-device", "virtio-tablet-pci",
                    "-display", "gtk,gl=off",
                ],
                arguments);
        }

        [Fact]
        public void Makes_the_windows_whpx_machine_on_unix_sockets_where_that_qemu_takes_socket_paths()
        {
            // Given
            var plan = Plan("whpx", "Skylake-Client", [s_ephemeralBase]) with
            {
                Serial = QemuEndpoint.UnixSocket(@"C:\Users\u\AppData\Local\Pane\vms\default\serial.sock"),
                Control = QemuEndpoint.UnixSocket(@"C:\Users\u\AppData\Local\Pane\vms\default\qmp.sock"),
            };

            // When
            var arguments = QemuCommandLine.Build(plan);

            // Then
            var chardevs = arguments.Where((_, index) => index > 0 && arguments[index - 1] == "-chardev").ToList();
            Assert.StartsWith(@"socket,id=serial0,path=C:\Users\u\AppData\Local\Pane\vms\default\serial.sock,server=on,wait=off,logfile=", chardevs[0], StringComparison.Ordinal);
            Assert.Equal(@"socket,id=qmp0,path=C:\Users\u\AppData\Local\Pane\vms\default\qmp.sock,server=on,wait=off", chardevs[1]);
            Assert.DoesNotContain("-daemonize", arguments);
        }

        [Theory]
        [InlineData("kvm", "host")]
        [InlineData("whpx", "Skylake-Client")]
        public void Passes_the_accelerator_and_its_cpu_model(string accelerator, string cpu)
        {
            // When
            var arguments = QemuCommandLine.Build(Plan(accelerator, cpu, [s_ephemeralBase]));

            // Then
            Assert.Equal(accelerator, ValueAfter(arguments, "-accel"));
            Assert.Equal(cpu, ValueAfter(arguments, "-cpu"));
        }

        [Fact]
        public void Gives_a_persistent_root_overlay_the_writeback_and_discard_policy()
        {
            // Given
            var overlay = new DiskSpec("/vms/default/root.qcow2", DiskFormat.Qcow2, DiskRole.RootOverlay);

            // When
            var arguments = QemuCommandLine.Build(Plan("kvm", "host", [overlay, s_userDisk]));

            // Then
            Assert.Equal(
                "file=/vms/default/root.qcow2,if=none,id=disk0,format=qcow2,aio=threads,cache=writeback,discard=unmap,detect-zeroes=unmap",
                ValueAfter(arguments, "-drive"));
        }

        [Fact]
        public void Doubles_commas_in_paths_so_qemu_reads_them_as_part_of_the_value()
        {
            // Given
            var odd = new DiskSpec("/images/a,b.raw", DiskFormat.Raw, DiskRole.Base) { IsEphemeral = true };

            // When
            var arguments = QemuCommandLine.Build(Plan("tcg", "max", [odd]));

            // Then
            Assert.StartsWith("file=/images/a,,b.raw,if=none", ValueAfter(arguments, "-drive"), StringComparison.Ordinal);
        }

        [Fact]
        public void Binds_console_and_control_to_the_loopback_address_when_given_ports()
        {
            // Given
            var plan = Plan("whpx", "Skylake-Client", [s_ephemeralBase]) with
            {
                Serial = QemuEndpoint.Loopback(45001),
                Control = QemuEndpoint.Loopback(45002),
            };

            // When
            var arguments = QemuCommandLine.Build(plan);

            // Then
            var chardevs = arguments.Where((_, index) => index > 0 && arguments[index - 1] == "-chardev").ToList();
            Assert.StartsWith("socket,id=serial0,host=127.0.0.1,port=45001,server=on,wait=off", chardevs[0], StringComparison.Ordinal);
            Assert.Equal("socket,id=qmp0,host=127.0.0.1,port=45002,server=on,wait=off", chardevs[1]);
        }

        [Theory]
        [InlineData(DisplayMode.None, new[] { "-mon", "chardev=qmp0,mode=control" }, new[] { "-display", "none" })]
        [InlineData(DisplayMode.Gtk, new[] { "-device", "virtio-vga", "-device", "virtio-tablet-pci" }, new[] { "-display", "gtk,gl=off" })]
        [InlineData(DisplayMode.Sdl, new[] { "-device", "virtio-vga", "-device", "virtio-tablet-pci" }, new[] { "-display", "sdl,gl=off" })]
        [InlineData(DisplayMode.Vnc, new[] { "-device", "virtio-vga", "-device", "virtio-tablet-pci" }, new[] { "-display", "none", "-vnc", "127.0.0.1:0,to=99,websocket=127.0.0.1:0,password=on" })]
        public void Ends_with_the_screen_device_and_the_display_options(DisplayMode display, string[] preceding, string[] options)
        {
            // When
            var arguments = QemuCommandLine.Build(Plan("tcg", "max", [s_ephemeralBase], display));

            // Then
            Assert.Equal([.. preceding, .. options], arguments.TakeLast(preceding.Length + options.Length));
        }

        [Fact]
        public void Never_puts_the_vnc_password_on_the_command_line_which_other_users_may_read()
        {
            // Given
            var plan = Plan("tcg", "max", [s_ephemeralBase], DisplayMode.Vnc);
            plan = plan with { Spec = plan.Spec with { DisplayPassword = "s3cretPw" } };

            // When
            var arguments = QemuCommandLine.Build(plan);

            // Then
            Assert.DoesNotContain(arguments, argument => argument.Contains("s3cretPw", StringComparison.Ordinal));
        }

        [Fact]
        public void Snapshots_an_ephemeral_qcow2_base_so_its_image_is_never_written()
        {
            // Given
            var qcow2Base = new DiskSpec("/images/arch.qcow2", DiskFormat.Qcow2, DiskRole.Base) { IsEphemeral = true };

            // When
            var arguments = QemuCommandLine.Build(Plan("tcg", "max", [qcow2Base, s_userDisk]));

            // Then
            Assert.Equal(
                "file=/images/arch.qcow2,if=none,id=disk0,format=qcow2,aio=threads,cache=unsafe,snapshot=on",
                ValueAfter(arguments, "-drive"));
        }

        [Fact]
        public void Leaves_out_the_initrd_when_the_boot_has_none()
        {
            // Given
            var plan = Plan("tcg", "max", [s_ephemeralBase]);
            plan = plan with { Spec = plan.Spec with { Boot = s_boot with { InitramfsPath = null } } };

            // When
            var arguments = QemuCommandLine.Build(plan);

            // Then
            Assert.DoesNotContain("-initrd", arguments);
            Assert.Equal("/cache/vmlinuz-linux", ValueAfter(arguments, "-kernel"));
        }

        [Fact]
        public void Leaves_out_the_network_when_the_machine_has_none()
        {
            // Given
            var plan = Plan("tcg", "max", [s_ephemeralBase]);
            plan = plan with { Spec = plan.Spec with { Network = NetworkMode.None } };

            // When
            var arguments = QemuCommandLine.Build(plan);

            // Then
            Assert.DoesNotContain("-netdev", arguments);
        }

        private static string ValueAfter(IReadOnlyList<string> arguments, string option) =>
            arguments[arguments.ToList().IndexOf(option) + 1];
    }
}
