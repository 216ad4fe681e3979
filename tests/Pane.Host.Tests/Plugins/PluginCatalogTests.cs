using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pane.Host.Plugins;
using static Pane.Host.Tests.Plugins.TestPluginNames;

namespace Pane.Host.Tests.Plugins;

public sealed class PluginCatalogTests
{
    public sealed class Plugins
    {
        [Fact]
        public void Lists_a_good_plugin_with_its_version_path_and_contributions()
        {
            // Given
            using var folder = new PluginFolder();
            var path = folder.Add(Good);

            // When
            using var host = new PaneTestHost(folder);

            // Then
            var plugin = Assert.Single(host.Catalog.Plugins);
            Assert.Equal(Good, plugin.Name);
            Assert.Equal(path, plugin.Path);
            Assert.StartsWith("0.1.0", plugin.Version, StringComparison.Ordinal);
            Assert.Equal(
                [new PluginContribution(PluginContributionKind.RuntimeProvider, "test-runtime"), new PluginContribution(PluginContributionKind.DesktopRecipe, "test-desktop")],
                plugin.Contributions);
            Assert.Empty(host.Catalog.Errors);
        }

        [Fact]
        public void Still_lists_every_good_plugin_beside_every_kind_of_broken_one()
        {
            // Given
            using var folder = new PluginFolder();
            folder.Add(Good);
            folder.AddCorrupt("Corrupt");
            foreach (var broken in new[] { NoEntry, AbstractionsV2, ThrowsOnRegistration, ThrowingContribution, EntryNotAPlugin, EntryWithoutConstructor })
            {
                folder.Add(broken);
            }

            folder.Add(DuplicateId, intoSecond: true);

            // When
            using var host = new PaneTestHost(folder);

            // Then
            Assert.Equal([Good, ThrowingContribution, DuplicateId], host.Catalog.Plugins.Select(plugin => plugin.Name));
            Assert.Equal(
                ["Corrupt", AbstractionsV2, EntryNotAPlugin, EntryWithoutConstructor, NoEntry, ThrowsOnRegistration, ThrowingContribution, DuplicateId],
                host.Catalog.Errors.Select(error => error.Name));
            Assert.Equal(["test-runtime"], host.Catalog.RuntimeProviders.Select(provider => provider.Id));
            Assert.Equal(["test-desktop", "surviving", "duplicate-own"], host.Catalog.DesktopRecipes.Select(recipe => recipe.Id));
        }

        [Fact]
        public void Lists_the_same_plugins_and_errors_again_from_the_inspections_a_first_host_remembered()
        {
            // Given
            using var folder = new PluginFolder();
            folder.Add(Good);
            folder.Add(AbstractionsV2);
            using (var first = new PaneTestHost(folder))
            {
                Assert.Single(first.Catalog.Plugins);
            }

            // When
            using var host = new PaneTestHost(folder);

            // Then
            Assert.True(File.Exists(Path.Join(folder.Root, "home", "cache", "plugins", "inspections.txt")));
            Assert.Equal([Good], host.Catalog.Plugins.Select(plugin => plugin.Name));
            Assert.Equal([AbstractionsV2], host.Catalog.Errors.Select(error => error.Name));
            Assert.Equal(["test-runtime"], host.Catalog.RuntimeProviders.Select(provider => provider.Id));
        }

        [Fact]
        public void Finds_the_entry_class_by_its_name_when_a_remembered_token_names_another_class()
        {
            // Given
            using var folder = new PluginFolder();
            var candidate = new PluginCandidate(Good, folder.Add(Good));
            var inspections = PluginInspectionCache.InMemory;
            const int moduleClassToken = 0x02000001;
            inspections.Remember(
                candidate,
                typeof(Pane.Plugins.IPanePlugin).Assembly.GetName().Version!,
                new PluginInspection("Pane.TestPlugins.Good.GoodPlugin", moduleClassToken, Pane.Plugins.PluginContributions.None));
            var services = new ServiceCollection();
            services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));

            // When
            services.AddPanePlugins([folder.First], new McMasterPluginLoader(), inspections: inspections);

            // Then
            using var provider = services.BuildServiceProvider();
            var catalog = provider.GetRequiredService<IPluginCatalog>();
            Assert.Equal([Good], catalog.Plugins.Select(plugin => plugin.Name));
            Assert.Empty(catalog.Errors);
        }

        [Fact]
        public void Lists_the_applications_own_contributions_as_the_application_plugin()
        {
            // Given
            using var folder = new PluginFolder();

            // When
            using var host = new PaneTestHost(folder, services => services.AddPaneDesktopRecipe<ApplicationDesktopRecipe>());

            // Then
            var plugin = Assert.Single(host.Catalog.Plugins);
            Assert.Equal("(application)", plugin.Name);
            Assert.Equal([new PluginContribution(PluginContributionKind.DesktopRecipe, "application-desktop")], plugin.Contributions);
            Assert.IsType<ApplicationDesktopRecipe>(Assert.Single(host.Catalog.DesktopRecipes));
        }

        [Fact]
        public void Lists_no_application_plugin_when_the_application_contributes_nothing()
        {
            // Given
            using var folder = new PluginFolder();

            // When
            using var host = new PaneTestHost(folder);

            // Then
            Assert.Empty(host.Catalog.Plugins);
        }
    }

    public sealed class Errors
    {
        [Fact]
        public void Reports_a_corrupt_dll_as_not_an_assembly()
        {
            // Given
            using var folder = new PluginFolder();
            var path = folder.AddCorrupt("Corrupt");

            // When
            using var host = new PaneTestHost(folder);

            // Then
            Assert.Equal(
                new PluginLoadError("Corrupt", path, "Corrupt.dll is not a .NET assembly.", "Replace it with the plugin's build output, or remove the plugin's folder."),
                Assert.Single(host.Catalog.Errors));
        }

        [Fact]
        public void Reports_a_plugin_built_against_another_major_version_naming_both_versions()
        {
            // Given
            using var folder = new PluginFolder();
            var path = folder.Add(AbstractionsV2);
            var hostVersion = typeof(Pane.Plugins.IPanePlugin).Assembly.GetName().Version!;

            // When
            using var host = new PaneTestHost(folder);

            // Then
            Assert.Equal(
                new PluginLoadError(
                    AbstractionsV2,
                    path,
                    $"It is built against Pane.Abstractions 2.0.0 but this host has Pane.Abstractions {hostVersion.ToString(3)}, another major version.",
                    $"Install a build of the plugin made for Pane.Abstractions {hostVersion.Major}.x, or remove the plugin's folder."),
                Assert.Single(host.Catalog.Errors));
        }

        [Fact]
        public void Reports_an_assembly_without_the_entry_attribute()
        {
            // Given
            using var folder = new PluginFolder();
            var path = folder.Add(NoEntry);

            // When
            using var host = new PaneTestHost(folder);

            // Then
            Assert.Equal(
                new PluginLoadError(
                    NoEntry,
                    path,
                    "It has no [assembly: PanePlugin(typeof(...))] attribute naming its entry class.",
                    "Add [assembly: PanePlugin(typeof(YourPlugin))] to the plugin, or remove the folder if it is not a Pane plugin."),
                Assert.Single(host.Catalog.Errors));
        }

        [Fact]
        public void Reports_an_entry_class_that_is_not_a_plugin()
        {
            // Given
            using var folder = new PluginFolder();
            var path = folder.Add(EntryNotAPlugin);

            // When
            using var host = new PaneTestHost(folder);

            // Then
            Assert.Equal(
                new PluginLoadError(
                    EntryNotAPlugin,
                    path,
                    "Its entry class Pane.TestPlugins.EntryNotAPlugin.NotAPlugin does not implement Pane.Plugins.IPanePlugin.",
                    "Make NotAPlugin implement Pane.Plugins.IPanePlugin."),
                Assert.Single(host.Catalog.Errors));
        }

        [Fact]
        public void Reports_an_entry_class_without_a_public_parameterless_constructor()
        {
            // Given
            using var folder = new PluginFolder();
            var path = folder.Add(EntryWithoutConstructor);

            // When
            using var host = new PaneTestHost(folder);

            // Then
            Assert.Equal(
                new PluginLoadError(
                    EntryWithoutConstructor,
                    path,
                    "Its entry class Pane.TestPlugins.EntryWithoutConstructor.PluginWithoutConstructor has no public parameterless constructor.",
                    "Give PluginWithoutConstructor a public parameterless constructor and register dependencies in ConfigureServices."),
                Assert.Single(host.Catalog.Errors));
        }

        [Fact]
        public void Reports_a_plugin_whose_registration_throws_and_keeps_nothing_it_registered()
        {
            // Given
            using var folder = new PluginFolder();
            var path = folder.Add(ThrowsOnRegistration);

            // When
            using var host = new PaneTestHost(folder);

            // Then
            Assert.Equal(
                new PluginLoadError(
                    ThrowsOnRegistration,
                    path,
                    "Its ConfigureServices threw InvalidOperationException: The registration broke halfway.",
                    "Report this to the plugin's author, or remove the plugin's folder; none of its services were registered."),
                Assert.Single(host.Catalog.Errors));
            Assert.Empty(host.Catalog.DesktopRecipes);
            Assert.DoesNotContain(host.Services, descriptor => descriptor.ServiceType.Name == "ThrowsOnRegistrationMarker");
        }

        [Fact]
        public void Reports_a_contribution_whose_constructor_throws_and_keeps_the_plugins_other_ones()
        {
            // Given
            using var folder = new PluginFolder();
            var path = folder.Add(ThrowingContribution);

            // When
            using var host = new PaneTestHost(folder);

            // Then
            Assert.Equal(
                new PluginLoadError(
                    ThrowingContribution,
                    path,
                    "Its runtime provider Pane.TestPlugins.ThrowingContribution.ThrowingRuntimeProvider threw InvalidOperationException: The provider cannot start.",
                    "Report this to the plugin's author; the plugin's other contributions still work."),
                Assert.Single(host.Catalog.Errors));
            Assert.Empty(host.Catalog.RuntimeProviders);
            Assert.Equal(["surviving"], host.Catalog.DesktopRecipes.Select(recipe => recipe.Id));
        }

        [Fact]
        public void Reports_the_second_plugin_claiming_an_id_with_the_first_ones_name()
        {
            // Given
            using var folder = new PluginFolder();
            folder.Add(Good);
            var path = folder.Add(DuplicateId, intoSecond: true);

            // When
            using var host = new PaneTestHost(folder);

            // Then
            Assert.Equal(
                new PluginLoadError(
                    DuplicateId,
                    path,
                    $"Its runtime provider id 'test-runtime' is already contributed by plugin '{Good}'.",
                    $"Remove one of the two plugins; until then the runtime provider 'test-runtime' of '{Good}' is used."),
                Assert.Single(host.Catalog.Errors));
            Assert.Equal(Good, Assert.Single(host.Catalog.RuntimeProviders).GetType().Assembly.GetName().Name);
        }

        [Fact]
        public void Lets_the_application_keep_an_id_a_plugin_also_claims()
        {
            // Given
            using var folder = new PluginFolder();
            var path = folder.Add(Good);

            // When
            using var host = new PaneTestHost(folder, services => services.AddPaneDesktopRecipe<TestDesktopIdRecipe>());

            // Then
            var error = Assert.Single(host.Catalog.Errors);
            Assert.Equal((Good, path), (error.Name, error.Path));
            Assert.Equal("Its desktop recipe id 'test-desktop' is already contributed by plugin '(application)'.", error.Reason);
            Assert.IsType<TestDesktopIdRecipe>(Assert.Single(host.Catalog.DesktopRecipes));
        }
    }

    public sealed class RuntimeProviders
    {
        [Fact]
        public void Are_created_with_the_hosts_services_and_share_the_contract_types()
        {
            // Given
            using var folder = new PluginFolder();
            folder.Add(Good);

            // When
            using var host = new PaneTestHost(folder);

            // Then
            var provider = Assert.Single(host.Catalog.RuntimeProviders);
            Assert.Equal("test-runtime", provider.Id);
            var logger = provider.GetType().GetProperty("Logger")!.GetValue(provider);
            Assert.NotNull(logger);
        }
    }

    public sealed class DesktopRecipes
    {
        [Fact]
        public void Are_created_with_the_plugins_own_services()
        {
            // Given
            using var folder = new PluginFolder();
            folder.Add(Good);

            // When
            using var host = new PaneTestHost(folder);

            // Then
            var recipe = Assert.Single(host.Catalog.DesktopRecipes);
            Assert.Equal("hello from the good plugin", recipe.GetType().GetProperty("Greeting")!.GetValue(recipe));
        }
    }
}
