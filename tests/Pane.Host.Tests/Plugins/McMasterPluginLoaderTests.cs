using System.Runtime.Loader;
using Microsoft.Extensions.DependencyInjection;
using Pane.Host.Plugins;
using Pane.Plugins;
using static Pane.Host.Tests.Plugins.TestPluginNames;

namespace Pane.Host.Tests.Plugins;

public sealed class McMasterPluginLoaderTests
{
    public sealed class Load
    {
        [Fact]
        public void Loads_the_plugin_into_a_context_of_its_own_that_shares_the_hosts_contracts()
        {
            // Given
            using var folder = new PluginFolder();
            var path = folder.Add(Good);

            // When
            var assembly = new McMasterPluginLoader().Load(path);

            // Then
            Assert.Equal(path, assembly.Location);
            Assert.NotSame(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(assembly));
            var entry = assembly.GetType("Pane.TestPlugins.Good.GoodPlugin", throwOnError: true)!;
            Assert.Contains(typeof(IPanePlugin), entry.GetInterfaces());
            var configure = entry.GetMethod(nameof(IPanePlugin.ConfigureServices))!;
            Assert.Equal(typeof(IServiceCollection), Assert.Single(configure.GetParameters()).ParameterType);
        }

        [Fact]
        public void Loads_two_copies_of_one_plugin_side_by_side()
        {
            // Given
            using var folder = new PluginFolder();
            var first = folder.Add(Good);
            var second = folder.Add(Good, intoSecond: true);
            var loader = new McMasterPluginLoader();

            // When
            var one = loader.Load(first);
            var other = loader.Load(second);

            // Then
            Assert.NotSame(AssemblyLoadContext.GetLoadContext(one), AssemblyLoadContext.GetLoadContext(other));
        }
    }
}
