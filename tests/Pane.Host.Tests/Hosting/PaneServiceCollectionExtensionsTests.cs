using System.IO.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pane.Host.Hosting;
using Pane.Host.Plugins;
using Pane.Host.Tests.Plugins;
using Pane.Platform;
using static Pane.Host.Tests.Plugins.TestPluginNames;

namespace Pane.Host.Tests.Hosting;

public sealed class PaneServiceCollectionExtensionsTests
{
    public sealed class AddPane
    {
        [Fact]
        public void Registers_the_options_the_home_the_file_system_the_platform_and_the_catalog()
        {
            // Given
            using var folder = new PluginFolder();
            var services = new ServiceCollection();

            // When
            services.AddPane(options =>
            {
                options.Home = folder.Root;
                options.SearchDefaultPluginDirectories = false;
            });

            // Then
            using var provider = services.BuildServiceProvider();
            Assert.Equal(folder.Root, provider.GetRequiredService<PaneOptions>().Home);
            Assert.Equal(folder.Root, provider.GetRequiredService<IPaneHome>().Root);
            Assert.IsType<FileSystem>(provider.GetRequiredService<IFileSystem>());
            Assert.NotNull(provider.GetRequiredService<IProcessRunner>());
            Assert.NotNull(provider.GetRequiredService<IHostPlatform>());
            Assert.NotNull(provider.GetRequiredService<ILogger<AddPane>>());
            Assert.IsType<PluginCatalog>(provider.GetRequiredService<IPluginCatalog>());
        }

        [Fact]
        public void Loads_only_the_plugins_that_may_contribute_what_is_needed()
        {
            // Given
            using var folder = new PluginFolder();
            folder.Add(Good);
            var services = new ServiceCollection();

            // When
            services.AddPane(options =>
            {
                options.Home = folder.Root;
                options.PluginDirectories.Add(folder.First);
                options.NeededContributions = Pane.Plugins.PluginContributions.RuntimeProviders;
            });

            // Then
            using var provider = services.BuildServiceProvider();
            var catalog = provider.GetRequiredService<IPluginCatalog>();
            Assert.Equal(
                ["Pane.Runtime.Native", "Pane.Runtime.QemuWhpx", "Pane.Runtime.WslBridge", Good],
                catalog.Plugins.Select(plugin => plugin.Name).Order(StringComparer.Ordinal));
            Assert.Empty(catalog.Errors);
            Assert.Equal(["native", "qemu", "test-runtime", "wsl"], catalog.RuntimeProviders.Select(provider => provider.Id).Order(StringComparer.Ordinal));
        }

        [Fact]
        public void Searches_the_plugins_folder_of_the_home()
        {
            // Given
            using var folder = new PluginFolder();
            var home = Path.Join(folder.Root, "home");
            var source = Path.Join(AppContext.BaseDirectory, "TestPlugins", Good);
            var destination = Path.Join(home, "plugins", Good);
            Directory.CreateDirectory(destination);
            foreach (var file in Directory.GetFiles(source))
            {
                File.Copy(file, Path.Join(destination, Path.GetFileName(file)));
            }

            var services = new ServiceCollection();

            // When
            services.AddPane(options => options.Home = home);

            // Then
            using var provider = services.BuildServiceProvider();
            var plugin = Assert.Single(provider.GetRequiredService<IPluginCatalog>().Plugins, plugin => plugin.Name == Good);
            Assert.Equal(Path.Join(destination, Good + ".dll"), plugin.Path);
        }

        [Fact]
        public void Copies_the_plugins_own_services_into_the_collection()
        {
            // Given
            using var folder = new PluginFolder();
            folder.Add(Good);

            // When
            using var host = new PaneTestHost(folder);

            // Then
            Assert.Contains(host.Services, descriptor => descriptor.ServiceType.FullName == "Pane.TestPlugins.Good.GoodGreeting");
        }

        [Fact]
        public void Keeps_the_applications_own_registrations()
        {
            // Given
            using var folder = new PluginFolder();
            var fileSystem = Substitute.For<IFileSystem>();
            var paneHome = Substitute.For<IPaneHome>();
            paneHome.PluginsDirectory.Returns(folder.First);
            folder.Add(Good);
            var services = new ServiceCollection();
            services.AddSingleton(fileSystem);
            services.AddSingleton(paneHome);

            // When
            services.AddPane(options => options.Home = folder.Root);

            // Then
            using var provider = services.BuildServiceProvider();
            Assert.Same(fileSystem, provider.GetRequiredService<IFileSystem>());
            Assert.Same(paneHome, provider.GetRequiredService<IPaneHome>());
            Assert.Contains(provider.GetRequiredService<IPluginCatalog>().Plugins, plugin => plugin.Name == Good);
        }

        [Fact]
        public void Loads_no_plugin_over_an_applications_own_catalog_and_still_registers_the_rest_of_the_engine()
        {
            // Given
            using var folder = new PluginFolder();
            folder.Add(Good);
            var catalog = Substitute.For<IPluginCatalog>();
            var services = new ServiceCollection();
            services.AddSingleton(catalog);

            // When
            services.AddPane(options =>
            {
                options.Home = folder.Root;
                options.PluginDirectories.Add(folder.First);
            });

            // Then
            using var provider = services.BuildServiceProvider();
            Assert.Same(catalog, provider.GetRequiredService<IPluginCatalog>());
            Assert.Equal(folder.Root, provider.GetRequiredService<IPaneHome>().Root);
            Assert.NotNull(provider.GetRequiredService<IProcessRunner>());
            Assert.DoesNotContain(services, descriptor => descriptor.ServiceType.FullName == "Pane.TestPlugins.Good.GoodGreeting");
        }

        [Fact]
        public void Does_nothing_when_called_again()
        {
            // Given
            using var folder = new PluginFolder();
            var services = new ServiceCollection();
            services.AddPane(options => options.Home = folder.Root);
            var count = services.Count;

            // When
            services.AddPane(options => options.Home = "/elsewhere");

            // Then
            Assert.Equal(count, services.Count);
        }

        [Fact]
        public void Throws_for_a_null_collection_or_configuration()
        {
            // Given
            var services = new ServiceCollection();

            // When
            var noServices = Assert.Throws<ArgumentNullException>(() => PaneServiceCollectionExtensions.AddPane(null!));
            var noConfiguration = Assert.Throws<ArgumentNullException>(() => services.AddPane(null!));

            // Then
            Assert.Equal(("services", "configure"), (noServices.ParamName, noConfiguration.ParamName));
        }
    }
}
