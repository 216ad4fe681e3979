using System.CommandLine;

namespace Pane.Host.Cli.Recipes;

/// <summary>Defines <c>pane recipes [--json]</c>.</summary>
internal static class RecipesCommandDefinition
{
    /// <summary>Creates the command.</summary>
    /// <param name="host">Runs the command's class.</param>
    /// <returns>The command.</returns>
    public static Command Create(CliHost host)
    {
        var json = GlobalOptions.CreateJson();
        var command = new Command("recipes", "List the desktop recipes of every plugin.")
        {
            json,
        };
        command.SetAction((parseResult, cancellationToken) => host.RunAsync<RecipesCommand>(
            parseResult,
            (recipes, _) => Task.FromResult(recipes.Execute(parseResult.GetValue(json))),
            cancellationToken));
        return command;
    }
}
