using Pane.Runtime.QemuWhpx.Acceleration;

namespace Pane.Runtime.QemuWhpx.Tests.Acceleration;

public sealed class CpuModelPolicyTests
{
    public sealed class ModelFor
    {
        [Theory]
        [InlineData(nameof(QemuAccelerator.Whpx), "Skylake-Client")]
        [InlineData(nameof(QemuAccelerator.Kvm), "host")]
        [InlineData(nameof(QemuAccelerator.Tcg), "max")]
        public void Picks_the_model_each_accelerator_can_run(string accelerator, string expected)
        {
            // When
            var model = CpuModelPolicy.ModelFor(Enum.Parse<QemuAccelerator>(accelerator));

            // Then
            Assert.Equal(expected, model);
        }
    }
}
